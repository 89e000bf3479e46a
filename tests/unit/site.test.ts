import { describe, expect, it } from "vitest";
import { readSiteJson } from "../../src/content/site-json.ts";
import { readableDate } from "../../src/lib/dates.ts";
import { publicUrl } from "../../src/lib/urls.ts";
import { normalizePathPrefix, normalizeSiteUrl, readSiteOptions } from "../../src/options.ts";
import { fingerprintName, rewriteCssUrls } from "../../src/templates/assets.ts";
import { realContentDir } from "../helpers/site.ts";

describe("path prefix and site URL", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["privacy", "/privacy/"],
    ["/privacy", "/privacy/"],
    ["/legal/privacy/", "/legal/privacy/"],
  ])("reads PATH_PREFIX %j as %j", (raw, expected) => {
    expect(normalizePathPrefix(raw)).toBe(expected);
  });

  it("refuses a prefix that is not a URL path", () => {
    expect(() => normalizePathPrefix("/my policy/")).toThrow(/PATH_PREFIX/);
    expect(() => normalizePathPrefix("https://x.org/")).toThrow(/PATH_PREFIX/);
  });

  it("accepts an origin and refuses a URL with a path", () => {
    expect(normalizeSiteUrl("https://example.com/")).toBe("https://example.com");
    expect(() => normalizeSiteUrl("https://example.com/privacy/")).toThrow(/PATH_PREFIX/);
    expect(() => normalizeSiteUrl("example.com")).toThrow(/SITE_URL/);
  });

  it("joins origin, prefix and page path", () => {
    expect(publicUrl({ siteUrl: "https://example.com", pathPrefix: "/privacy/" }, "/cookies/")).toBe(
      "https://example.com/privacy/cookies/",
    );
    expect(publicUrl({ siteUrl: "https://example.com", pathPrefix: "/" }, "/")).toBe("https://example.com/");
  });

  it("lets SITE_URL and PATH_PREFIX from the environment override the data file", () => {
    const env = { SITE_URL: "https://policies.example.org", PATH_PREFIX: "privacy" };
    const site = readSiteJson(realContentDir, readSiteOptions(env));
    expect(site.siteUrl).toBe("https://policies.example.org");
    expect(site.pathPrefix).toBe("/privacy/");
    expect(site.effectiveDate).toBe("2014-04-08");
  });
});

describe("assets and dates", () => {
  it("changes an asset's name when, and only when, its content changes", () => {
    const a = fingerprintName("site.css", Buffer.from("a{}"));
    expect(a).toMatch(/^site\.[0-9a-f]{8}\.css$/);
    expect(fingerprintName("site.css", Buffer.from("a{}"))).toBe(a);
    expect(fingerprintName("site.css", Buffer.from("b{}"))).not.toBe(a);
  });

  it("points stylesheet URLs at fingerprinted files and leaves others alone", () => {
    const css = 'a{--i:url("icon.svg")} b{background:url(other.png)}';
    expect(rewriteCssUrls(css, { "icon.svg": "/p/assets/icon.1234abcd.svg" })).toBe(
      'a{--i:url("/p/assets/icon.1234abcd.svg")} b{background:url(other.png)}',
    );
  });

  it("writes dates unambiguously", () => {
    expect(readableDate("2014-04-08")).toBe("8 April 2014");
  });
});

describe("the search index summary", () => {
  it("counts the pages in Pagefind's entry file across languages", async () => {
    const { indexedPageCount } = await import("../../src/search/search-index.ts");
    expect(indexedPageCount('{"version":"1.6.0","languages":{"en":{"page_count":7},"fr":{"page_count":2}}}')).toBe(9);
  });
});
