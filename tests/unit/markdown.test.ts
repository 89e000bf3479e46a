import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { createMarkdown, markdown, renderHeading, renderMarkdown } from "../../src/render/markdown.ts";

const render = (source: string, env = {}) => renderMarkdown(markdown, source, env);
const $ = (html: string) => load(html, null, false);

describe("markdown rendering", () => {
  it("gives every heading a clean slug with no URL-encoded punctuation", () => {
    const { headings } = render(
      "## What About Cookies?\n\n## Terms of Use, Notices, and Revisions\n\n## Computer's drive & more",
    );
    expect(headings.map((h) => h.id)).toEqual([
      "what-about-cookies",
      "terms-of-use-notices-and-revisions",
      "computers-drive-and-more",
    ]);
  });

  it("keeps an id declared in the Markdown instead of deriving one from the text", () => {
    const { headings, html } = render("## Information You Give Us {#info-you-give}");
    expect(headings).toEqual([{ id: "info-you-give", text: "Information You Give Us", level: 2 }]);
    expect($(html)("h2").text()).toBe("Information You Give Us");
  });

  it("makes repeated headings unique on a page", () => {
    const { headings } = render("## Overview\n\n## Overview\n\n## Overview");
    expect(headings.map((h) => h.id)).toEqual(["overview", "overview-2", "overview-3"]);
  });

  it("puts an accessible permalink after each heading, hidden from search", () => {
    const doc = $(render("## Business Transfers {#business-transfers}").html);
    const link = doc("h2 + a.permalink");
    expect(link.attr("href")).toBe("#business-transfers");
    expect(link.attr("data-pagefind-ignore")).toBe("");
    expect(link.find(".visually-hidden").text()).toBe("Permalink to “Business Transfers”");
    expect(link.find('[aria-hidden="true"]').text()).toBe("#");
    expect(doc("h2").attr("tabindex")).toBe("-1");
  });

  it("shifts heading levels when a section is shown inside the whole policy", () => {
    const { headings, html } = render("## Clause\n\n### Detail", { headingOffset: 1 });
    expect(headings.map((h) => h.level)).toEqual([3, 4]);
    expect($(html)("h3#clause").length).toBe(1);
  });

  it("shows raw HTML as text and leaves template syntax literal", () => {
    const { html } = render('Text <script>alert(1)</script> and {{ site.title }} and {% include "x" %}.');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect($(html).text()).toContain('{{ site.title }} and {% include "x" %}.');
    expect($(html)("script").length).toBe(0);
  });

  it("keeps straight quotes exactly as written", () => {
    expect($(render('we use "cookies," and it\'s fine -- really').html).text()).toBe(
      'we use "cookies," and it\'s fine -- really\n',
    );
  });

  it("accepts only ids from heading attributes, never other attributes", () => {
    const { html } = render('## Title {#ok onclick="x()" .cls}');
    expect(html).not.toContain("onclick");
    expect(html).not.toContain('class="cls"');
    expect($(html)("h2").attr("id")).toBe("ok");
  });

  it("keeps an anchor for a retired id just before the clause that replaced it", () => {
    const doc = $(render("## New name {#new-id}", { aliases: { "old-id": "new-id" } }).html);
    expect(doc("#old-id").length).toBe(1);
    expect(doc("#old-id").nextAll("h2#new-id").length + doc("#old-id").next().find("h2#new-id").length).toBeGreaterThan(
      0,
    );
  });

  it("renders a layout heading with the same permalink markup as a Markdown heading", () => {
    const fromText = renderHeading(markdown, "Contents *1*", "contents", 2).html;
    expect($(fromText)("h2#contents").text()).toBe("Contents *1*");
    expect($(fromText)("a.permalink").attr("href")).toBe("#contents");
  });

  it("gives each new instance its own state", () => {
    const md = createMarkdown();
    expect(renderMarkdown(md, "## A").headings[0].id).toBe("a");
    expect(renderMarkdown(md, "## A").headings[0].id).toBe("a");
  });
});
