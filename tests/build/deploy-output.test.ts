/**
 * The output a host receives when the site is built for a path prefix: crawler files, the
 * `_headers` file, what every page declares about itself, and builds that are atomic and
 * reproducible.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servedPath } from "../../src/checks/links.ts";
import { checkBuiltSite } from "../../src/checks/post-build-checks.ts";
import {
  CACHE_IMMUTABLE,
  contentSecurityPolicy,
  headerRules,
  renderHeadersFile,
  rulesForPath,
} from "../../src/deploy/security-headers.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { type BuiltSite, buildOptions, buildToTemp, hashTree, realContentDir } from "../helpers/site.ts";

const PREFIX = "/privacy/";
const SITE_URL = "https://policy.example.org";
const env = { PATH_PREFIX: PREFIX, SITE_URL };
const sections = loadPolicy(realContentDir).sections;

let site: BuiltSite;
const pages = () =>
  Object.keys(hashTree(site.outDir))
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${f}`);

beforeAll(async () => {
  site = await buildToTemp({ env });
});
afterAll(() => site?.cleanup());

describe("files for crawlers", () => {
  it("has a robots.txt that names the sitemap at its public URL", () => {
    expect(readFileSync(path.join(site.outDir, "robots.txt"), "utf8")).toBe(
      `User-agent: *\nDisallow:\n\nSitemap: ${SITE_URL}${PREFIX}sitemap.xml\n`,
    );
  });

  it("lists in the sitemap the whole policy, every section and the version history, and no page that is noindex or a copy", () => {
    const xml = readFileSync(path.join(site.outDir, "sitemap.xml"), "utf8");
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const expected = ["/", ...sections.map((s) => s.url), "/history/"].map((p) => `${SITE_URL}${PREFIX}${p.slice(1)}`);
    expect(listed.sort()).toEqual(expected.sort());
  });
});

describe("what every page declares", () => {
  it.each(["/index.html", "/404.html", "/search/index.html", "/cookies/index.html"])(
    "%s has lang, title, description, canonical URL and the CSP",
    (file) => {
      const $ = site.page(file);
      const canonical = `${SITE_URL}${file === "/404.html" ? `${PREFIX}404.html` : servedPath(file, PREFIX)}`;
      expect($("html").attr("lang")).toBe("en");
      expect($("title").text()).toMatch(/\S.* Privacy Policy$/);
      expect($("meta[name=description]").attr("content")?.length).toBeGreaterThan(40);
      expect($("link[rel=canonical]").attr("href")).toBe(canonical);
      expect($("meta[property='og:url']").attr("content")).toBe(canonical);
      // The meta policy comes before anything it governs.
      expect($("head > *").eq(1).is("meta[http-equiv=Content-Security-Policy]")).toBe(true);
      expect($("meta[http-equiv=Content-Security-Policy]").attr("content")).toBe(
        contentSecurityPolicy({ forMeta: true }),
      );
    },
  );

  it("has the same declarations on every page it builds", () => {
    expect(pages().length).toBeGreaterThanOrEqual(3 + sections.length);
    for (const file of pages()) {
      const $ = site.page(file);
      expect($("html[lang=en] > head > title").length, file).toBe(1);
      expect($("head > meta[name=description]").attr("content"), file).toBeTruthy();
      expect($("link[rel=canonical]").attr("href"), file).toMatch(new RegExp(`^${SITE_URL}${PREFIX}`));
    }
  });

  it("points every root-relative URL, form and search setting inside the prefix", () => {
    for (const file of pages()) {
      const $ = site.page(file);
      const urls = $("a[href^='/'], link[href^='/'], script[src], img[src], form[action]")
        .map((_, el) => $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action"))
        .get();
      expect(urls.length, file).toBeGreaterThan(5);
      expect(
        urls.filter((url) => !url.startsWith(PREFIX)),
        file,
      ).toEqual([]);
    }
    // The search page's script loads Pagefind from, and links results under, the prefix it reads here.
    expect(site.page("/search/index.html")("html").attr("data-path-prefix")).toBe(PREFIX);
  });
});

describe("the _headers file", () => {
  it("is written from the rules for the prefix", () => {
    expect(readFileSync(path.join(site.outDir, "_headers"), "utf8")).toBe(renderHeadersFile(headerRules(PREFIX)));
  });

  it("caches each file the site has by exactly one rule: a year when its name is fingerprinted, otherwise revalidate", () => {
    const rules = headerRules(PREFIX);
    const requested = Object.keys(hashTree(site.outDir)).flatMap((f) => {
      const file = `/${f}`;
      return file.endsWith("/index.html") ? [file, servedPath(file, PREFIX).slice(PREFIX.length - 1)] : [file];
    });
    for (const sitePath of requested.filter((p) => p !== "/_headers")) {
      const values = rulesForPath(rules, `${PREFIX}${sitePath.slice(1)}`).flatMap(
        (r) => r.headers["Cache-Control"] ?? [],
      );
      const fingerprinted = /^\/assets\/.+\.[0-9a-f]{8}\.\w+$|^\/pagefind\/(fragment|index|filter)\//.test(sitePath);
      expect(values, sitePath).toHaveLength(1);
      expect(values[0] === CACHE_IMMUTABLE, sitePath).toBe(fingerprinted);
    }
  });
});

describe("builds", () => {
  it("are reproducible: a second build of the same sources is byte for byte the same", async () => {
    const again = await buildToTemp({ env });
    try {
      const first = hashTree(site.outDir);
      expect(Object.keys(first).length).toBeGreaterThan(30);
      expect(hashTree(again.outDir)).toEqual(first);
    } finally {
      again.cleanup();
    }
  });

  it("stop when a post-build check finds a broken anchor in the staged site, and leave the previous site byte for byte", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "policy-atomic-"));
    const outDir = path.join(root, "site");
    cpSync(site.outDir, outDir, { recursive: true });
    const before = hashTree(outDir);
    // Content checks catch broken links in Markdown first, so the anchor is broken in the built
    // page itself, as a template mistake would break it, before the post-build checks run again.
    const breakAnchor = async (stagedDir: string) => {
      const file = path.join(stagedDir, "cookies", "index.html");
      writeFileSync(file, readFileSync(file, "utf8").replace("</main>", '<a href="#no-such-clause">see</a></main>'));
      await checkBuiltSite(stagedDir, { pathPrefix: PREFIX, siteUrl: SITE_URL });
    };
    try {
      await expect(buildSite(buildOptions({ outDir }, env), { checks: [breakAnchor] })).rejects.toThrow(
        /\/cookies\/index\.html:\d+: "#no-such-clause" points to #no-such-clause, but \/cookies\/index\.html has no element with that id/,
      );
      expect(hashTree(outDir)).toEqual(before);
      expect(readdirSync(root)).toEqual(["site"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
