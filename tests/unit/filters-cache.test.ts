import { describe, expect, it } from "vitest";
import { readableDate } from "../../src/lib/dates.ts";
import { markdown, renderHeading } from "../../src/render/markdown.ts";
import { headingHtml, markdownInline, rememberedDate } from "../../src/templates/filters.ts";

// The filters keep their results, because templates call them on every page with the same few
// arguments; a kept result must still be the one for exactly those arguments.
describe("filters called again", () => {
  it("give each set of arguments its own result", () => {
    expect(headingHtml("Contents", "contents", 2)).toBe(renderHeading(markdown, "Contents", "contents", 2).html);
    expect(headingHtml("Contents", "contents", 3)).toBe(renderHeading(markdown, "Contents", "contents", 3).html);
    expect(headingHtml("Contents", "toc", 2)).toContain('id="toc"');
    expect(headingHtml("Contents", "contents", 2)).toContain("<h2");
    expect(readableDate("2014-04-08")).toBe("8 April 2014");
    expect(rememberedDate("2014-04-08")).toBe("8 April 2014");
    expect(rememberedDate("2015-12-31")).toBe("31 December 2015");
    expect(rememberedDate("2014-04-08")).toBe("8 April 2014");
    expect(markdownInline("*a*")).toBe("<em>a</em>");
    expect(markdownInline("`a`")).toBe("<code>a</code>");
  });

  it("return the same text each time, ready for every page", () => {
    const first = headingHtml("In this section", "in-this-section", 2);
    expect(headingHtml("In this section", "in-this-section", 2)).toBe(first);
    expect(first).toContain('id="in-this-section"');
  });
});
