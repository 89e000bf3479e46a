import { describe, expect, it } from "vitest";
import { readerWordsHtml, readerWordsMarker } from "../../src/render/reader-words.ts";
import { indexExtras, indexedCopy } from "../../src/search/indexed-copy.ts";

const section = {
  id: "sharing",
  url: "/sharing/",
  position: 3,
  searchTerms: ["third parties"],
  clauseSearchTerms: { "business-transfers": ["merger"] },
  clauses: [
    { id: "businesses-and-individuals", number: "3.a" },
    { id: "business-transfers", number: "3.b" },
  ],
  inPolicy: {
    clauses: [
      { id: "businesses-and-individuals", number: "3.a" },
      { id: "business-transfers", number: "3.b" },
    ],
  },
};

describe("what Pagefind is given beyond the page", () => {
  it("is each section page's reader words and clause numbers, and each archived version's heading numbers", () => {
    const extras = indexExtras({ sections: [section] }, [
      { url: "/history/2016-01-10/", policy: { sections: [section] } },
    ]);
    expect(extras.get("/sharing/")).toEqual({
      readerWords: { section: ["third parties"], clauses: { "business-transfers": ["merger"] } },
      numbers: new Map([
        ["businesses-and-individuals", "3.a"],
        ["business-transfers", "3.b"],
      ]),
    });
    expect([...extras.get("/history/2016-01-10/")!.numbers!]).toEqual([
      ["sharing", "3"],
      ["businesses-and-individuals", "3.a"],
      ["business-transfers", "3.b"],
    ]);
  });

  it("puts the words in place of their markers and each number on its heading as its title in the index", () => {
    const page = [
      `<article data-pagefind-body>${readerWordsMarker("")}<p>We share.</p>`,
      '<div class="heading"><h2 id="business-transfers" tabindex="-1">Business Transfers</h2></div>',
      `<p>Sold.</p>${readerWordsMarker("business-transfers")}<h2 class="x" id="other">Other</h2><span id="business-transfers-old"></span></article>`,
    ].join("\n");
    const copy = indexedCopy(page, indexExtras({ sections: [section] }).get("/sharing/")!);
    expect(copy).toContain(readerWordsHtml(["third parties"]));
    expect(copy).toContain(readerWordsHtml(["merger"]));
    expect(copy).not.toContain('data-reader-words=""');
    expect(copy).toContain('<h2 id="business-transfers" data-pagefind-title="3.b" tabindex="-1">');
    expect(copy).toContain('<h2 class="x" id="other">');
    expect(copy).toContain('<span id="business-transfers-old">');
  });

  it("is nothing for a page without extras", () => {
    expect(indexedCopy('<h2 id="a">A</h2>', {})).toBe('<h2 id="a">A</h2>');
  });
});
