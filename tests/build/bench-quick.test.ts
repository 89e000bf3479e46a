import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchResults } from "../../scripts/bench/report.ts";
import { GENERATED_END, GENERATED_START } from "../../scripts/bench/report.ts";
import { projectRoot } from "../../src/options.ts";

// The benchmark's figures are never asserted (speed is not a test's business); this only keeps
// `npm run bench` working: every part runs, reports something plausible, and cleans up.
const dir = mkdtempSync(path.join(tmpdir(), "bench-quick-"));
let results: BenchResults & { workDir: string };
let report: string;
let stdout: string;

beforeAll(async () => {
  const run = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench.ts",
      "--quick",
      "--out",
      path.join(dir, "performance.md"),
      "--json",
      path.join(dir, "results.json"),
    ],
    { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  stdout = run.stdout;
  results = JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8"));
  report = readFileSync(path.join(dir, "performance.md"), "utf8");
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run bench -- --quick", () => {
  it("builds the real policy and synthetic ones of 10 and 100 sections, once each", () => {
    expect(results.real!.sections).toBe(7);
    expect(results.scale.map((size) => [size.sections, size.runs])).toEqual([
      [10, 1],
      [100, 1],
    ]);
    for (const size of [results.real!, ...results.scale]) {
      expect(size.figures.wallMs.median).toBeGreaterThan(0);
      expect(size.figures.cpuMs.median).toBeGreaterThan(0);
      expect(size.figures.peakRssBytes.median).toBeGreaterThan(50 * 1024 * 1024);
      expect(size.figures.searchBytes.median).toBeGreaterThan(0);
      expect(Object.keys(size.steps)).toEqual(["startup", "content", "eleventy", "search-index", "checks", "swap"]);
      expect(size.eleventy.length).toBeGreaterThan(0);
    }
    expect(results.scale[1].figures.files.median).toBeGreaterThan(results.scale[0].figures.files.median + 89);
  });

  it("says how fast the disk under the work folder was, and leaves nothing of the probe", () => {
    expect(results.machine.diskMs).toBeGreaterThan(0);
    expect(report).toMatch(
      /^Disk: creating 1,000 folders with a 7 KB file each in the work folder took \S+ (ms|s) \(a build writes as many\)\.$/m,
    );
    expect(existsSync(path.join(results.workDir, "disk-probe"))).toBe(false);
  });

  it("measures every page type of the real site in the browser", () => {
    expect(results.pages!.map((page) => page.sitePath)).toEqual([
      "/",
      "/information-we-gather/",
      "/search/",
      "/404.html",
    ]);
    const section = results.pages![1];
    expect(section.requests).toBeGreaterThan(1);
    expect(section.html.gzip).toBeGreaterThan(0);
    expect(section.html.gzip).toBeLessThan(section.html.raw);
    expect(section.readableWithoutJs).toBe(true);
    // Chromium's own verdict: the stylesheet holds up the first render, the module script does not.
    expect(section.blocking.some((file) => file.endsWith(".css"))).toBe(true);
    expect(section.blocking.filter((file) => file.endsWith(".js"))).toEqual([]);
    expect(section.firstRender.gzip).toBeLessThan(section.htmlCssJs.gzip);
    expect(results.pages![2].readableWithoutJs).toBe(false);
  });

  it("measures the search's first and second query on the real site only", () => {
    expect(results.search!.map((search) => search.site)).toEqual(["real site"]);
    const { first } = results.search![0];
    expect(first.results).toMatch(/\d+ results? for cookies/);
    expect(first.byKind["search-code"]!.raw).toBeGreaterThan(0);
    expect(first.byKind["search-index"]!.raw).toBeGreaterThan(0);
    expect(first.byKind["search-fragment"]!.raw).toBeGreaterThan(0);
  });

  it("asks the readers' questions on the real site, and measures a question's transfer with the vocabulary", () => {
    const [real] = results.readerSearch!;
    expect(results.readerSearch!.map((search) => search.site)).toEqual(["real site"]);
    expect(real.recall!.questions).toBeGreaterThanOrEqual(60);
    expect(real.recall!.clause.at3).toBeGreaterThan(0);
    expect(real.heldOut!.questions).toBeGreaterThan(0);
    expect(real.question.total.gzip).toBeGreaterThan(real.question.vocabulary.gzip);
    expect(real.question.vocabulary.raw).toBeGreaterThan(0);
  });

  it("times the PDF step for the real policy, and what it wrote", () => {
    expect(results.pdf!.map((pdf) => [pdf.label, pdf.sections, pdf.stepMs.runs])).toEqual([["the real policy", 7, 1]]);
    const [real] = results.pdf!;
    expect(real.stepMs.median).toBeGreaterThan(0);
    // Each section, the whole policy and the current version's dated page.
    expect(real.pdfs).toBe(9);
    expect(real.pages).toBeGreaterThanOrEqual(real.pdfs);
    expect(real.whole.bytes).toBeLessThan(real.bytes);
    expect(report).toMatch(/\| All PDFs of the real policy \(`--pdf`\) \| ≤ 15 s \| \S+ m?s for 9 PDFs \|/);
  });

  it("times npm run build and npm run check from the shell, once each", () => {
    expect(results.commands!.buildMs).toHaveLength(1);
    expect(results.commands!.checkMs).toHaveLength(1);
    expect(results.commands!.buildMs[0]).toBeGreaterThan(results.commands!.checkMs[0]);
  });

  it("times npm start to its first page and one edit, with the dev server's own build figure", () => {
    expect(results.dev!.startToFirstPageMs).toHaveLength(1);
    expect(results.dev!.savedToServedMs).toHaveLength(1);
    expect(results.dev!.rebuildMs).toHaveLength(1);
    expect(results.dev!.savedToServedMs[0]).toBeGreaterThan(results.dev!.rebuildMs[0]);
  });

  it("prints and writes the report, and leaves no temporary folder behind", () => {
    expect(report).toContain(GENERATED_START);
    expect(report).toContain(GENERATED_END);
    for (const heading of [
      "Against the targets",
      "Commands as you run them",
      "Build cost as the policy grows",
      "Where the build time goes",
      "Reader cost on the real site",
      "Search transfer",
      "Search on readers' questions",
      "Dev loop",
      "PDFs (`npm run build -- --pdf`)",
      "How each figure was taken",
    ]) {
      expect(report).toContain(`### ${heading}`);
    }
    expect(stdout).toContain("| 100 |");
    expect(existsSync(results.workDir)).toBe(false);
  });
});
