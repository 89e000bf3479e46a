import { describe, expect, it } from "vitest";
import { indexablePaths } from "../../src/templates/filters.ts";

describe("the pages the sitemap lists", () => {
  it("are those with a URL, not noindex and their own canonical page, sorted and once each", () => {
    const pages = [
      { url: "/terms/", data: {} },
      { url: "/", data: {} },
      { url: "/search/", data: { noindex: true } },
      { url: "/history/2010-01-01/", data: { noindex: "noindex" } },
      { url: "/history/2014-04-08/", data: { noindex: "", canonicalPath: "/" } },
      { url: "/history/", data: { canonicalPath: "/history/" } },
      { url: false as const, data: {} },
      { url: "/terms/", data: {} },
    ];
    expect(indexablePaths(pages)).toEqual(["/", "/history/", "/terms/"]);
  });
});
