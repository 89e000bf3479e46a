import { describe, expect, it } from "vitest";
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  contentSecurityPolicy,
  headerRules,
  patternSource,
  renderHeadersFile,
  rulesForPath,
} from "../../src/deploy/security-headers.ts";
import { headersFor, parseHeadersFile } from "../../src/tools/static-server.ts";

/** Paths as requested, for the kinds of file the site has. */
const samplePaths = (p: string) => ({
  revalidate: [
    p,
    `${p}cookies/`,
    `${p}search/`,
    `${p}cookies/index.html`,
    `${p}404.html`,
    `${p}sitemap.xml`,
    `${p}robots.txt`,
    `${p}history/`,
    `${p}history/2014-04-08/`,
    `${p}history/2014-04-08/changes/index.html`,
    `${p}history/feed.xml`,
    `${p}pagefind/pagefind.js`,
    `${p}pagefind/pagefind-entry.json`,
    `${p}pagefind/wasm.en.pagefind`,
    `${p}pagefind/pagefind-component-ui.css`,
  ],
  immutable: [
    `${p}assets/site.0123abcd.css`,
    `${p}pagefind/fragment/en_1051ef1.pf_fragment`,
    `${p}pagefind/index/en_41cd2ec.pf_index`,
    `${p}pagefind/filter/en_1.pf_filter`,
  ],
});

describe("the Content-Security-Policy", () => {
  const csp = contentSecurityPolicy();

  it("allows only the site's own files, plus the WebAssembly compile Pagefind needs", () => {
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|data:|https?:|\*/);
  });

  it("leaves out of the meta-tag version only what a meta tag cannot carry", () => {
    expect(contentSecurityPolicy({ forMeta: true })).toBe(csp.replace("; frame-ancestors 'none'", ""));
  });
});

describe("the header rules", () => {
  it.each(["/", "/privacy/", "/legal/privacy/"])("put the prefix %s in front of every pattern", (prefix) => {
    for (const rule of headerRules(prefix)) expect(rule.pattern.startsWith(prefix), rule.pattern).toBe(true);
  });

  it.each(["/", "/privacy/"])("give every path under %s the security headers, and nothing outside it", (prefix) => {
    const rules = headerRules(prefix);
    const { revalidate, immutable } = samplePaths(prefix);
    for (const path of [...revalidate, ...immutable]) {
      expect(rulesForPath(rules, path).flatMap((r) => Object.keys(r.headers))).toEqual(
        expect.arrayContaining([
          "Content-Security-Policy",
          "X-Content-Type-Options",
          "Referrer-Policy",
          "Permissions-Policy",
        ]),
      );
    }
    if (prefix !== "/") expect(rulesForPath(rules, "/cookies/")).toEqual([]);
  });

  it.each(["/", "/privacy/"])(
    "cache fingerprinted files for a year and revalidate everything else, under %s",
    (prefix) => {
      const rules = headerRules(prefix);
      const cacheOf = (path: string) =>
        rulesForPath(rules, path).flatMap((r) => (r.headers["Cache-Control"] ? [r.headers["Cache-Control"]] : []));
      const { revalidate, immutable } = samplePaths(prefix);
      for (const path of revalidate) expect(cacheOf(path), path).toEqual([CACHE_REVALIDATE]);
      for (const path of immutable) expect(cacheOf(path), path).toEqual([CACHE_IMMUTABLE]);
    },
  );

  it("never let two rules set the same header on one path, since hosts combine such values differently", () => {
    const rules = headerRules("/privacy/");
    const { revalidate, immutable } = samplePaths("/privacy/");
    for (const path of [...revalidate, ...immutable, "/privacy/a/b/c/d.txt"]) {
      const names = rulesForPath(rules, path).flatMap((r) => Object.keys(r.headers));
      expect(names.length, path).toBe(new Set(names).size);
    }
  });
});

/**
 * Netlify's reading of a pattern: case-insensitive, an optional trailing slash, a lone `*`
 * segment that may be empty. https://github.com/netlify/build (packages/headers-parser, for_regexp)
 */
function netlifyRegExp(pattern: string): RegExp {
  const part = (p: string) =>
    p.startsWith(":")
      ? "([^/]+)"
      : p === "*"
        ? "?(.*)"
        : p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", "(.*)");
  return new RegExp(`^/${pattern.split("/").filter(Boolean).map(part).join("/")}/?$`, "iu");
}

describe("the header rules on Netlify, where a later matching rule wins", () => {
  it.each(["/", "/privacy/"])(
    "still cache fingerprinted files for a year and revalidate the rest, under %s",
    (prefix) => {
      const rules = headerRules(prefix);
      const netlifyCache = (path: string) =>
        rules.filter((r) => netlifyRegExp(r.pattern).test(path) && r.headers["Cache-Control"]).at(-1)?.headers[
          "Cache-Control"
        ];
      const { revalidate, immutable } = samplePaths(prefix);
      for (const path of revalidate) expect(netlifyCache(path), path).toBe(CACHE_REVALIDATE);
      for (const path of immutable) expect(netlifyCache(path), path).toBe(CACHE_IMMUTABLE);
    },
  );
});

describe("the _headers file", () => {
  it("says exactly what the rules say, as Netlify and Cloudflare Pages read it", () => {
    const rules = headerRules("/privacy/");
    const parsed = parseHeadersFile(renderHeadersFile(rules));
    expect(parsed).toEqual(rules.map((r) => ({ pattern: r.pattern, headers: Object.entries(r.headers) })));
    expect(headersFor(parsed, "/privacy/assets/site.0123abcd.css")).toMatchObject({
      "cache-control": CACHE_IMMUTABLE,
      "content-security-policy": contentSecurityPolicy(),
    });
  });

  it("explains each rule in a comment above it", () => {
    const text = renderHeadersFile(headerRules("/"));
    expect(text).toContain(
      "# Our CSS, JS and icons carry a content hash in their names.\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable",
    );
  });
});

describe("patterns as regular expressions", () => {
  it("let a splat match any characters, a placeholder one segment, and everything else literally", () => {
    const match = (pattern: string, path: string) => new RegExp(patternSource(pattern)).test(path);
    expect(match("/p/*", "/p/")).toBe(true);
    expect(match("/p/*", "/p/a/b.css")).toBe(true);
    expect(match("/p/:page/", "/p/cookies/")).toBe(true);
    expect(match("/p/:page/", "/p/a/b/")).toBe(false);
    expect(match("/p/:page/index.html", "/p/a/indexXhtml")).toBe(false);
    expect(match("/p/", "/p/x")).toBe(false);
    expect(match("/p/*.html", "/p/a/b/index.html")).toBe(true);
    expect(match("/p/*/", "/p/")).toBe(false);
  });
});
