/**
 * Proves the browser-test plumbing end to end on a tiny throwaway site, so a
 * failure in a real page test can be trusted to be about the page.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { type Served, serveDirectory } from "../../src/tools/static-server.ts";
import { checkA11y } from "../helpers/axe.ts";

const page = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>\n`;

const files: Record<string, string> = {
  "index.html": page("Harness home", "<p>Everything here is accessible.</p>"),
  "404.html": page("Page not found", "<p>There is nothing at this address.</p>"),
  "missing-alt.html": page(
    "Missing alt",
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">',
  ),
  "guide/index.html": page("Guide", "<p>A directory index.</p>"),
  "search/wasm.en.pagefind": "not really wasm",
  "search/pagefind.pf_meta": "meta",
  "module.wasm": "\0asm",
  _headers: "/p/*\n  X-Harness: applied\n\n/p/guide/*\n  Cache-Control: no-cache\n",
};

let root: string;
let site: Served;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "harness-site-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
  site = await serveDirectory(root, { prefix: "/p/", headersFile: join(root, "_headers") });
  browser = await launchBrowser();
  // Not browser.newPage(): axe finishes its run in a second page of the same
  // context, which Playwright forbids for newPage()'s single-page context.
  tab = await (await browser.newContext()).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the test server", () => {
  it("serves the site under its prefix to a real browser, with the headers from _headers", async () => {
    const response = await tab.goto(site.url);
    expect(response?.status()).toBe(200);
    expect(await tab.title()).toBe("Harness home");
    expect(response?.headers()["x-harness"]).toBe("applied");
    expect(response?.headers()["cache-control"]).toBeUndefined();
  });

  it("applies every matching _headers block", async () => {
    const response = await tab.goto(`${site.url}guide/`);
    expect(response?.headers()).toMatchObject({ "x-harness": "applied", "cache-control": "no-cache" });
  });

  it("answers an unknown path with the site's own 404 page and status 404", async () => {
    const response = await tab.goto(`${site.url}no/such/page`);
    expect(response?.status()).toBe(404);
    expect(await tab.title()).toBe("Page not found");
    expect(await tab.textContent("main")).toContain("There is nothing at this address.");
  });

  it("answers 404 for anything outside the prefix", async () => {
    const response = await fetch(`${site.origin}/index.html`);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-harness")).toBeNull();
  });

  it("redirects a directory without its trailing slash, the mount point included", async () => {
    for (const [from, to] of [
      ["/p", "/p/"],
      ["/p/guide?x=1", "/p/guide/?x=1"],
    ] as const) {
      const response = await fetch(`${site.origin}${from}`, { redirect: "manual" });
      expect(response.status, from).toBe(301);
      expect(response.headers.get("location"), from).toBe(to);
    }
  });

  it("does not publish the _headers file itself", async () => {
    expect((await fetch(`${site.url}_headers`)).status).toBe(404);
  });

  it("labels WebAssembly and Pagefind index files with the types the host uses", async () => {
    const typeOf = async (path: string) => (await fetch(`${site.url}${path}`)).headers.get("content-type");
    expect(await typeOf("module.wasm")).toBe("application/wasm");
    expect(await typeOf("search/wasm.en.pagefind")).toBe("application/octet-stream");
    expect(await typeOf("search/pagefind.pf_meta")).toBe("application/octet-stream");
    expect(await typeOf("index.html")).toBe("text/html;charset=utf-8");
  });
});

describe("checkA11y", () => {
  it("finds nothing wrong with a trivially accessible page", async () => {
    await tab.goto(site.url);
    expect(await checkA11y(tab)).toEqual([]);
  });

  it("reports an image without alt text, naming the rule, the element and its markup", async () => {
    await tab.goto(`${site.url}missing-alt.html`);
    const violations = await checkA11y(tab);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^image-alt \[critical\] /);
    expect(violations[0]).toContain("at:   img");
    expect(violations[0]).toContain('html: <img src="data:image/gif');
  });

  it("skips a rule that is disabled with a reason", async () => {
    await tab.goto(`${site.url}missing-alt.html`);
    expect(await checkA11y(tab, { disableRules: { "image-alt": "this fixture exists to break image-alt" } })).toEqual(
      [],
    );
  });

  it("refuses to disable a rule without a written reason", async () => {
    await expect(checkA11y(tab, { disableRules: { "image-alt": "  " } })).rejects.toThrow(
      'disabling "image-alt" needs a written reason',
    );
  });
});
