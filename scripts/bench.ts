// npm run bench: the commands as an editor runs them, build cost as the policy grows and as its
// history grows, page weight, search transfer and the dev loop.
// Prints the report and writes it to docs/performance.md (see docs/building.md, “Scripts”).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "../src/options.ts";
import { launchBrowser } from "../src/tools/chromium.ts";
import { compiledEntry } from "../src/tools/compiled-entry.js";
import { serveDirectory } from "../src/tools/static-server.ts";
import { type BenchOptions, parseBenchArgs, USAGE } from "./bench/args.ts";
import { measureCommands } from "./bench/commands.ts";
import { measureDevLoop } from "./bench/dev-loop.ts";
import { measureHistory } from "./bench/history-case.ts";
import { currentLoad, describeMachine, probeDisk } from "./bench/machine.ts";
import { measurePdfs } from "./bench/pdf-step.ts";
import { measurePage } from "./bench/reader-cost.ts";
import { measureReaderSearch } from "./bench/reader-search.ts";
import { type BenchResults, renderReport, replaceGenerated } from "./bench/report.ts";
import { measureContent, measureScale } from "./bench/scale.ts";
import { measureSearch } from "./bench/search-transfer.ts";
import { readSectionFiles } from "./bench/synthetic.ts";

const QUERIES: [string, string] = ["cookies", "credit card"];
const log = (line: string): void => console.error(line);

/** The page types a reader meets, each section page included (the target holds for all of them); one section when quick. */
function readerPages(contentDir: string, quick: boolean): Array<[label: string, sitePath: string]> {
  const ids = readSectionFiles(contentDir)
    .map((file) => /^id:\s*(\S+)/m.exec(file.text)?.[1])
    .slice(0, quick ? 1 : undefined);
  return [
    ["whole policy", "/"],
    ...ids.map((id): [string, string] => ["section", `/${id}/`]),
    ["search", "/search/"],
    ["not found", "/404.html"],
  ];
}

async function measureInBrowser(results: BenchResults, realSite: string, largeSite: string | undefined): Promise<void> {
  const browser = await launchBrowser();
  results.browser = browser.version();
  const sites: Array<[string, string]> = [
    ["real site", realSite],
    ...(largeSite ? [["10,000 sections", largeSite] as [string, string]] : []),
  ];
  try {
    for (const [name, dir] of sites) {
      const served = await serveDirectory(dir);
      try {
        if (name === "real site") {
          log("Reader cost on the real site…");
          results.pages = [];
          for (const [label, sitePath] of readerPages(path.join(projectRoot, "content"), results.options.quick)) {
            results.pages.push(await measurePage(browser, served.origin, label, sitePath));
          }
        }
        log(`Search transfer on the ${name}…`);
        results.search ??= [];
        results.search.push(await measureSearch(browser, served.url, name, QUERIES));
        log(`Readers' questions on the ${name}…`);
        results.readerSearch ??= [];
        results.readerSearch.push(await measureReaderSearch(browser, served.url, name, name === "real site"));
      } finally {
        await served.close();
      }
    }
  } finally {
    await browser.close();
  }
}

async function run(options: BenchOptions, workDir: string): Promise<BenchResults> {
  const results: BenchResults = { options, machine: { ...describeMachine(), diskMs: probeDisk(workDir) }, scale: [] };
  const contentDir = path.join(projectRoot, "content");
  const measureLongHistory = async (): Promise<void> => {
    log("A long history: 20 sections, 50 versions…");
    results.history = await measureHistory({ contentDir, runs: options.runs, workDir, log });
  };
  if (options.historyOnly) {
    await compiledEntry(projectRoot, "scripts/bench/build-child.ts");
    await measureLongHistory();
    results.machine.loadAtEnd = currentLoad();
    return results;
  }
  log("npm run build and npm run check of the real policy, from the shell…");
  results.commands = await measureCommands(options.runs, path.join(workDir, "command-site"));
  // Compiled before the first timed build, as the commands above were by their untimed run.
  await compiledEntry(projectRoot, "scripts/bench/build-child.ts");
  log("The real policy…");
  const real = await measureContent(contentDir, readSectionFiles(contentDir).length, options.runs, workDir, {
    keep: true,
    log,
  });
  results.real = real.result;
  log(`Synthetic policies of ${options.sizes.join(", ")} sections…`);
  const large = options.quick ? undefined : 10_000;
  const scale = await measureScale({
    contentDir,
    sizes: options.sizes,
    runs: options.runs,
    workDir,
    keepSize: large,
    log,
  });
  results.scale = scale.results;
  if (options.history) await measureLongHistory();
  if (options.browser) await measureInBrowser(results, real.kept!, scale.kept);
  if (scale.kept) rmSync(scale.kept, { recursive: true, force: true });
  if (options.browser) {
    log("The PDF step (npm run build -- --pdf)…");
    const { quick, runs } = options;
    results.pdf = await measurePdfs({ contentDir, realSections: real.result.sections, runs, quick, workDir });
  }
  if (options.dev) {
    log("Dev loop with npm start…");
    results.dev = await measureDevLoop(path.join(workDir, "dev"), { starts: options.runs, edits: options.runs });
  }
  results.machine.loadAtEnd = currentLoad();
  return results;
}

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const workDir = mkdtempSync(path.join(tmpdir(), "policy-bench-"));
const cleanUp = (): void => rmSync(workDir, { recursive: true, force: true });
process.once("SIGINT", () => {
  cleanUp();
  process.exit(130);
});
log(`Working in ${workDir}`);
try {
  const results = await run(options, workDir);
  const report = renderReport(results);
  console.log(report);
  if (options.out) {
    const out = path.resolve(options.out);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, replaceGenerated(existsSync(out) ? readFileSync(out, "utf8") : undefined, report));
    log(`Wrote ${path.relative(process.cwd(), out) || out}`);
  }
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ ...results, workDir }, null, 2)}\n`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  cleanUp();
  log(`Removed ${workDir}`);
}
