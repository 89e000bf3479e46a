import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { clauseNumbers } from "../../src/render/clause-numbers.ts";
import { markdown, renderHeading, renderMarkdown } from "../../src/render/markdown.ts";
import { addClauseAddresses } from "../../src/templates/clause-addresses.ts";

describe("clause addresses for print", () => {
  it("follow each heading the renderer writes, as the printed page's address and the heading's id", () => {
    const { html } = renderMarkdown(
      markdown,
      "Intro.\n\n## Sharing {#sharing-data}\n\nText.\n\n### With [partners](/p/)\n",
      {
        numberHeadings: (levels) => clauseNumbers(3, levels),
      },
    );
    const $ = load(addClauseAddresses(html, "https://example.com/privacy/sharing/"));
    expect(
      $(".heading + p.clause-address")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([
      "https://example.com/privacy/sharing/#sharing-data",
      "https://example.com/privacy/sharing/#with-partners",
    ]);
    expect($("p.clause-address").attr("data-pagefind-ignore")).toBe("");
    expect(
      $("p:not(.clause-address)")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(["Intro.", "Text."]);
  });

  it("follow a section title rendered on its own", () => {
    const { html } = renderHeading(markdown, "What About Cookies?", "cookies", 2);
    expect(addClauseAddresses(html, "https://example.com/")).toContain(
      '<p class="clause-address" data-pagefind-ignore>https://example.com/#cookies</p>',
    );
  });
});
