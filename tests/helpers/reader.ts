import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { type Served, serveDirectory } from "../../src/tools/static-server.ts";

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

/** How a test reads a page: light or dark, how wide, with JavaScript or without. */
export interface ReadingOptions {
  colorScheme?: "light" | "dark";
  width?: number;
  javaScript?: boolean;
}

/** `url` in a page of a fresh context of `browser` (axe needs a page from a context it owns), 1280 px light by default. */
export async function openPage(browser: Browser, url: string, options: ReadingOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1280, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Every path a reader can land on, as listed by the built site itself. */
export function sitePaths(sectionIds: string[]): string[] {
  return ["/", ...sectionIds.map((id) => `/${id}/`), "/search/", "/404.html"];
}

/** The search page's results region (its links, its result headings). */
export const results = (page: Page): Locator => page.getByRole("region", { name: "Results" });

/** The search page's live region: "3 results for cookies", then what was done with the words, if anything. */
export const searchStatus = (page: Page): Locator => page.getByRole("status");

/** The live region's first line: "3 results for cookies", "No results for xyz". */
export const searchCount = (page: Page): Locator => searchStatus(page).locator("[data-search-count]");

/** The live region's second line, when the words were not searched as typed ("Not in the policy: xyz."). */
export const searchNote = (page: Page): Locator => searchStatus(page).locator(".search-results__note");

/** Waits until the live region has said how many results a query found. */
export async function searchSettled(page: Page, query: string): Promise<void> {
  const words = query.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await searchCount(page)
    .filter({ hasText: new RegExp(`^(No results|[\\d,]+ results?) for ${words}$`, "i") })
    .waitFor();
}

/** Runs a search on the search page (as the header's form sends it) and waits until it has settled. */
export async function search(page: Page, url: string, query: string): Promise<void> {
  await page.goto(`${url}?q=${encodeURIComponent(query)}`);
  await searchSettled(page, query);
}

/** Result section titles in order, without the number the contents gives each ("3."). */
export async function resultTitles(page: Page): Promise<string[]> {
  return results(page)
    .locator(".search-result__title a")
    .evaluateAll((links) =>
      links.map((link) =>
        [...link.childNodes]
          .filter((node) => !(node instanceof HTMLElement))
          .map((node) => node.textContent)
          .join("")
          .trim(),
      ),
    );
}
