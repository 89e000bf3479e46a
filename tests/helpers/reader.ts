import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { launchBrowser } from "./browser.ts";
import { serveDirectory, type Served } from "./serve.ts";

/** A real browser on the real site (built once per run, served on a free port). */
export interface Reader {
  browser: Browser;
  server: Served;
  /** Absolute URL of a site path such as "/cookies/". */
  url(sitePath: string): string;
  /** A fresh context and page (axe needs a page from a context it owns). */
  open(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startReader(siteDir = inject("siteDir")): Promise<Reader> {
  const server = await serveDirectory(siteDir);
  const browser = await launchBrowser();
  const base = server.url.replace(/\/$/, "");
  return {
    browser,
    server,
    url: (sitePath) => `${base}${sitePath}`,
    async open(options) {
      const context = await browser.newContext(options);
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Every path a reader can land on, as listed by the built site itself. */
export function sitePaths(sectionIds: string[]): string[] {
  return ["/", ...sectionIds.map((id) => `/${id}/`), "/search/", "/404.html"];
}

/** Runs a search on the search page and waits until Pagefind has said how many results it found. */
export async function search(page: Page, url: string, query: string): Promise<void> {
  await page.goto(`${url}?q=${encodeURIComponent(query)}`);
  // "3 results for x" or "No results for x": either way the search has finished; results
  // may render a moment after the summary.
  const summary = page.locator("pagefind-summary").filter({ hasText: /results? for/i });
  await summary.waitFor();
  if (!/^no results/i.test((await summary.innerText()).trim())) await page.locator("pagefind-results a").first().waitFor();
}

/** Result page titles in order, and their links. */
export async function resultTitles(page: Page): Promise<string[]> {
  return page.locator("pagefind-results .pf-result-title").allInnerTexts();
}
