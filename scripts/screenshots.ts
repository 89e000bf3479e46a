// npm run screenshots: PNGs of every page at 1280 and 320 px, light and dark, the search results
// and a page opened from one, and PDFs of the whole policy and of one section printed, into
// screenshots/ (ignored by git) for people to look at. Options: src/options.ts, readScreenshotOptions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCommand } from "../src/lib/command.ts";
import { listFiles } from "../src/lib/files.ts";
import { sitePathOf } from "../src/lib/urls.ts";
import { projectRoot, readScreenshotOptions, SCREENSHOTS_USAGE } from "../src/options.ts";
import { buildSite } from "../src/pipeline/build-site.ts";
import { loadPolicy } from "../src/pipeline/load-policy.ts";
import { launchBrowser } from "../src/tools/chromium.ts";
import { serveDirectory } from "../src/tools/static-server.ts";

/** "/" → "whole-policy", "/history/2014-04-08/" → "history-2014-04-08", "/404.html" → "404". */
const fileName = (sitePath: string): string =>
  sitePath === "/"
    ? "whole-policy"
    : sitePath
        .replace(/\.html$/, "")
        .replace(/^\/|\/$/g, "")
        .replaceAll("/", "-");

await runCommand(async () => {
  const options = readScreenshotOptions(process.argv.slice(2), process.env);
  if (options.help) return console.log(SCREENSHOTS_USAGE);
  const siteRoot = mkdtempSync(path.join(tmpdir(), "policy-screenshots-"));
  const siteDir = path.join(siteRoot, "site");
  await buildSite({ ...options, outDir: siteDir, validateHtml: false });
  // The section with the most clauses is the one printed.
  const [printed] = [...loadPolicy(options.contentDir).sections].sort((a, b) => b.clauses.length - a.clauses.length);
  const pages = listFiles(siteDir)
    .filter((file) => file.endsWith(".html") && !/^(pagefind|assets)\//.test(file))
    .map(sitePathOf)
    .sort();
  const server = await serveDirectory(siteDir);
  const browser = await launchBrowser();
  const save = (name: string) => {
    const file = path.join(options.outDir, name);
    console.log(path.relative(projectRoot, file));
    return file;
  };
  try {
    rmSync(options.outDir, { recursive: true, force: true });
    mkdirSync(options.outDir, { recursive: true });
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1280, 320]) {
        const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        const shoot = (name: string) =>
          page.screenshot({ path: save(`${name}-${width}-${colorScheme}.png`), fullPage: true });
        for (const sitePath of pages) {
          await page.goto(new URL(sitePath.slice(1), server.url).href);
          await shoot(fileName(sitePath));
        }
        await page.goto(new URL(`search/?q=${encodeURIComponent(options.query)}`, server.url).href);
        const first = page.locator(".search-result a").first();
        await first.waitFor();
        await shoot("search-results");
        await first.click();
        await page.locator("mark").first().waitFor();
        await shoot("search-landing");
        await context.close();
      }
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [name, sitePath] of [
      ["whole-policy-printed.pdf", "/"],
      ["section-printed.pdf", printed.url],
    ]) {
      await page.goto(new URL(sitePath.slice(1), server.url).href);
      writeFileSync(save(name), await page.pdf({ format: "A4" }));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(siteRoot, { recursive: true, force: true });
  }
});
