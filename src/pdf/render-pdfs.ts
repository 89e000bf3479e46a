import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { PdfPaper } from "../options.ts";
import type { PdfLink } from "../templates/template-data.ts";
import { launchBundledBrowser } from "../tools/chromium.ts";
import { countPages, finishPdf } from "./finish-pdf.ts";
import { type PdfJob, pdfLinkLabel } from "./pdf-plan.ts";

/**
 * Prints pages of the staged site to PDF with the Chromium from npm: tagged, with bookmarks from
 * the headings (Chromium's `tagged` and `outline`), then finished (src/pdf/finish-pdf.ts). Loaded
 * only by `npm run build -- --pdf`: playwright-core and @sparticuz/chromium are in the full
 * install alone (src/pdf/load-pdf-step.ts).
 */

export interface RenderPdfsOptions {
  siteDir: string;
  /** The site's public address, with its path prefix ("https://example.com/privacy/"). */
  publicBase: string;
  paper: PdfPaper;
  author: string;
  /** The effective date each PDF carries, by the page printed; the site's own otherwise. */
  dateOf: (sitePath: string) => string;
  jobs: readonly PdfJob[];
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

/**
 * Serves the staged site at its public address from disk, so the PDFs' links point where readers
 * will find them (never to a local port), and nothing leaves the machine.
 */
async function serveStaged(context: BrowserContext, siteDir: string, publicBase: string): Promise<void> {
  const base = new URL(publicBase);
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return route.abort("blockedbyclient");
    const relative = decodeURIComponent(url.pathname.slice(base.pathname.length));
    const file = path.join(siteDir, relative.endsWith("/") || relative === "" ? `${relative}index.html` : relative);
    if (!file.startsWith(siteDir)) return route.abort("accessdenied");
    const body = await readFile(file).catch(() => undefined);
    if (!body) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ body, contentType: TYPES[path.extname(file)] ?? "application/octet-stream" });
  });
}

async function renderOne(page: Page, job: PdfJob, options: RenderPdfsOptions): Promise<PdfLink> {
  await page.goto(new URL(job.sitePath.slice(1), options.publicBase).href, { waitUntil: "load" });
  const subject = await page.locator('meta[name="description"]').getAttribute("content");
  const headings = await page.locator("h1, h2, h3, h4, h5, h6").allTextContents();
  const printed = await page.pdf({ format: options.paper, tagged: true, outline: true });
  const pdf = finishPdf(Buffer.from(printed), {
    author: options.author,
    subject: subject ?? undefined,
    date: options.dateOf(job.sitePath),
    headings,
  });
  const file = path.join(options.siteDir, job.pdfPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, pdf);
  const pages = countPages(pdf);
  return { url: job.pdfPath, pages, bytes: pdf.length, label: pdfLinkLabel(pages, pdf.length) };
}

/** Two pages print at once: on two cores that is about a fifth faster than one, and more gains nothing. */
const AT_ONCE = 2;

/** Prints every job; the links by the page they belong to. */
export async function renderPdfs(options: RenderPdfsOptions): Promise<Record<string, PdfLink>> {
  const browser = await launchBundledBrowser();
  try {
    // The pages are complete without JavaScript, and print the same every time without it.
    const context = await browser.newContext({ javaScriptEnabled: false });
    await serveStaged(context, path.resolve(options.siteDir), options.publicBase);
    const links: Record<string, PdfLink> = {};
    const queue = [...options.jobs];
    const worker = async (): Promise<void> => {
      const page = await context.newPage();
      for (let job = queue.shift(); job; job = queue.shift()) links[job.sitePath] = await renderOne(page, job, options);
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, options.jobs.length) }, worker));
    return links;
  } finally {
    await browser.close();
  }
}
