// npm run screenshots: PNGs of each kind of page at 1280 and 320 px, light and dark, and a PDF
// of one printed section, into screenshots/ (ignored by git) for people to look at.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot, readSiteOptions } from "../src/options.ts";
import { buildSite } from "../src/pipeline/build-site.ts";
import { launchBrowser } from "../src/tools/chromium.ts";
import { serveDirectory } from "../src/tools/static-server.ts";

const outDir = path.join(projectRoot, "screenshots");
const pages: Array<[name: string, sitePath: string]> = [
  ["whole-policy", "/"],
  ["section", "/sharing/"],
  ["search-results", "/search/?q=cookies"],
  ["search-landing", "/cookies/?highlight=cookies"],
  ["not-found", "/404.html"],
];

const siteRoot = mkdtempSync(path.join(tmpdir(), "policy-screenshots-"));
const siteDir = path.join(siteRoot, "site");
await buildSite({ ...readSiteOptions(process.env), outDir: siteDir, validateHtml: false });
const server = await serveDirectory(siteDir);
const browser = await launchBrowser();
try {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 320]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const [name, sitePath] of pages) {
        await page.goto(new URL(sitePath.slice(1), server.url).href);
        if (sitePath.includes("?q=")) await page.locator(".search-result a").first().waitFor();
        if (sitePath.includes("highlight")) await page.locator("mark").first().waitFor();
        const file = path.join(outDir, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(projectRoot, file));
      }
      await context.close();
    }
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("sharing/", server.url).href);
  const pdf = path.join(outDir, "section-printed.pdf");
  writeFileSync(pdf, await page.pdf({ format: "A4" }));
  console.log(path.relative(projectRoot, pdf));
} finally {
  await browser.close();
  await server.close();
  rmSync(siteRoot, { recursive: true, force: true });
}
