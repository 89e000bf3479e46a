import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { clauseNumbers } from "../../src/render/clause-numbers.ts";
import { markdown, renderMarkdown } from "../../src/render/markdown.ts";

const source = "Intro.\n\n## Sharing Data {#sharing-data}\n\n### With Partners\n\nText.\n\n## Keeping It Safe\n";

describe("numbers in headings", () => {
  it("put each heading's number before its words, counted from order", () => {
    const { html } = renderMarkdown(markdown, source, { numberHeadings: (levels) => clauseNumbers(3, levels) });
    const $ = load(html);
    expect(
      $("h2, h3")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["3.a Sharing Data", "3.a.i With Partners", "3.b Keeping It Safe"]);
  });

  it("leave the ids, the permalinks' names and the listed headings to the words alone", () => {
    const numbered = renderMarkdown(markdown, source, { numberHeadings: (levels) => clauseNumbers(3, levels) });
    const plain = renderMarkdown(markdown, source);
    expect(numbered.headings).toEqual(plain.headings);
    expect(numbered.headings.map((h) => [h.id, h.text])).toEqual([
      ["sharing-data", "Sharing Data"],
      ["with-partners", "With Partners"],
      ["keeping-it-safe", "Keeping It Safe"],
    ]);
    const $ = load(numbered.html);
    expect($("a.permalink .visually-hidden").first().text()).toBe("Permalink to “Sharing Data”");
  });

  it("mark the number so search and the verbatim checks can set it apart", () => {
    const { html } = renderMarkdown(markdown, source, { numberHeadings: (levels) => clauseNumbers(1, levels) });
    const $ = load(html);
    expect($("h2 > .clause-number").first().attr("data-pagefind-ignore")).toBe("");
    expect($("h2").first().contents().not(".clause-number").text().trim()).toBe("Sharing Data");
  });

  it("are left out unless the render asks for them", () => {
    expect(renderMarkdown(markdown, source).html).not.toContain("clause-number");
  });
});
