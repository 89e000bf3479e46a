/**
 * The site as a host serves it: built with a PATH_PREFIX, served under that prefix with the
 * headers from its own `_headers` file, and used in Chromium. Every link must work, search must
 * work, and the browser must report nothing blocked, nothing broken and nothing sent elsewhere.
 */
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, contentSecurityPolicy } from "../../src/deploy/security-headers.ts";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { type Served, serveDirectory } from "../../src/tools/static-server.ts";
import { results, searchSettled } from "../helpers/reader.ts";
import { type BuiltSite, buildToTemp } from "../helpers/site.ts";

const PREFIX = "/privacy/";
const SITE_URL = "https://policy.example.org";

let built: BuiltSite;
let server: Served;
let browser: Browser;
/** One crawl from the root, shared by the tests that look at what it saw. */
let crawled: Observed & Awaited<ReturnType<typeof crawl>>;

beforeAll(async () => {
  built = await buildToTemp({ env: { PATH_PREFIX: PREFIX, SITE_URL } });
  server = await serveDirectory(built.outDir, { prefix: PREFIX, headersFile: path.join(built.outDir, "_headers") });
  browser = await launchBrowser();
  const seen = await observe();
  crawled = {
    ...seen,
    ...(await crawl(await seen.context.newPage(), server.url)),
    cookies: await seen.context.cookies(),
  };
  await seen.context.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.cleanup();
});

/** What a context saw: console errors and warnings (CSP violations among them), uncaught errors, every request and response. */
interface Observed {
  context: BrowserContext;
  /** The context's cookies when it was closed (filled in by crawl's caller). */
  cookies?: unknown[];
  problems: string[];
  requests: string[];
  responses: Array<{ url: string; status: number; headers: Record<string, string> }>;
}

async function observe(): Promise<Observed> {
  const context = await browser.newContext();
  const seen: Observed = { context, problems: [], requests: [], responses: [] };
  // Runs before any page script and is not subject to the page's CSP, so it reports every violation.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    ),
  );
  context.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      seen.problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  context.on("weberror", (error) => seen.problems.push(`uncaught: ${error.error().message}`));
  context.on("request", (request) => seen.requests.push(request.url()));
  context.on("response", async (response) =>
    seen.responses.push({ url: response.url(), status: response.status(), headers: await response.allHeaders() }),
  );
  return seen;
}

/**
 * Visits every page reachable from the root, recording each page's status and ids and every link
 * on it. Other files that pages link to (the Atom feed) are fetched, not opened: Chromium shows
 * XML with a viewer of its own whose inline styles the site's CSP rightly blocks.
 */
async function crawl(page: Page, start: string) {
  const pages = new Map<string, { status: number; ids: Set<string> }>();
  const links: Array<{ from: string; href: string }> = [];
  const queue = [start];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (pages.has(url)) continue;
    const head = await page.request.get(url, { maxRedirects: 0 });
    if (!head.headers()["content-type"]?.startsWith("text/html")) {
      pages.set(url, { status: head.status(), ids: new Set() });
      continue;
    }
    const response = await page.goto(url);
    await page.waitForLoadState("networkidle");
    const ids = new Set(await page.$$eval("[id]", (els) => els.map((el) => el.id)));
    pages.set(url, { status: response?.status() ?? 0, ids });
    for (const href of await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      if (new URL(href).origin !== server.origin) continue;
      links.push({ from: url, href });
      const target = href.split("#")[0]!;
      if (!pages.has(target) && !queue.includes(target)) queue.push(target);
    }
  }
  return { pages, links };
}

describe("the site deployed under a path prefix", () => {
  it("has no broken link or anchor anywhere reachable from the root, and every page in the sitemap is reached", async () => {
    const { pages, links } = crawled;
    const broken = links.filter(({ href }) => {
      const [target, id] = href.split("#") as [string, string | undefined];
      const page = pages.get(target);
      return page?.status !== 200 || (id && !page.ids.has(decodeURIComponent(id)));
    });
    expect(broken).toEqual([]);
    const sitemap = await (await fetch(`${server.url}sitemap.xml`)).text();
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(SITE_URL, server.origin));
    expect(listed.length).toBeGreaterThanOrEqual(8);
    expect([...pages.keys()]).toEqual(expect.arrayContaining(listed));
  });

  it("shows no console error, CSP violation or uncaught error on any page", () => {
    expect(crawled.pages.size).toBeGreaterThanOrEqual(9);
    expect(crawled.problems).toEqual([]);
  });

  it("serves every response with the security headers, and caches by whether the name is fingerprinted", () => {
    expect(crawled.responses.length).toBeGreaterThan(20);
    for (const { url, headers } of crawled.responses) {
      expect(headers["content-security-policy"], url).toBe(contentSecurityPolicy());
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      const fingerprinted = /\/assets\/|\/pagefind\/(fragment|index|filter)\//.test(url);
      expect(headers["cache-control"], url).toBe(fingerprinted ? CACHE_IMMUTABLE : CACHE_REVALIDATE);
    }
  });

  it("answers an unknown deep address with the 404 page, styled, whose links lead back into the site", async () => {
    const seen = await observe();
    const page = await seen.context.newPage();
    const missing = `${server.url}no/such/section/or/clause/`;
    const response = await page.goto(missing);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toContain("Page not found");
    // The stylesheet applied: the skip link is moved off screen by site.css.
    expect(await page.locator(".skip-link").evaluate((el) => getComputedStyle(el).position)).not.toBe("static");
    await page.getByRole("link", { name: "Read the whole policy" }).click();
    await page.waitForURL(server.url);
    expect(await page.locator("h1").textContent()).toContain("audioMIDIcom");
    // Chromium reports the 404 document itself as a failed load; that one is expected.
    expect(seen.problems.filter((p) => !p.includes(`(${missing})`))).toEqual([]);
    await seen.context.close();
  });

  it("searches from the header form and opens a result, all under the prefix", async () => {
    const seen = await observe();
    const page = await seen.context.newPage();
    await page.goto(`${server.url}cookies/`);
    await page.locator("#site-search-input").fill("credit card");
    await page.locator("#site-search-input").press("Enter");
    await page.waitForURL(`${server.url}search/?q=credit+card`);
    const result = results(page).getByRole("heading", { level: 2 }).getByRole("link").first();
    await result.waitFor();
    expect(await result.getAttribute("href")).toMatch(new RegExp(`^${PREFIX}[a-z-]+/`));
    await result.click();
    await page.waitForURL((url) => url.pathname.startsWith(PREFIX) && url.searchParams.has("highlight"));
    await page.locator("mark").first().waitFor();
    expect(await page.locator("h1").count()).toBe(1);
    expect(seen.problems).toEqual([]);
    await seen.context.close();
  });

  it("types a query on the search page and finds results", async () => {
    const seen = await observe();
    const page = await seen.context.newPage();
    await page.goto(`${server.url}search/`);
    await page.locator("#search-input").fill("cookies");
    await searchSettled(page, "cookies");
    expect(await results(page).getByRole("link").count()).toBeGreaterThan(0);
    expect(await results(page).getByRole("link").first().getAttribute("href")).toMatch(
      new RegExp(`^${PREFIX}[a-z-]+/\\?highlight=cookies`),
    );
    expect(seen.problems).toEqual([]);
    await seen.context.close();
  });

  it("sends no request outside the site's origin and sets no cookie, searching included", async () => {
    const seen = await observe();
    const page = await seen.context.newPage();
    await page.goto(`${server.url}search/?q=information`);
    await results(page).getByRole("link").first().click();
    await page.waitForLoadState("networkidle");
    const requests = [...crawled.requests, ...seen.requests];
    expect(requests.some((url) => url.endsWith(".pf_fragment"))).toBe(true);
    expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
    expect([...crawled.responses, ...seen.responses].filter((r) => "set-cookie" in r.headers)).toEqual([]);
    expect(crawled.cookies).toEqual([]);
    expect(await seen.context.cookies()).toEqual([]);
    await seen.context.close();
  });
});
