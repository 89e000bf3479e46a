import { describe, expect, it } from "vitest";
import { markdown, renderMarkdown } from "../../src/render/markdown.ts";
import {
  compactReaderWords,
  READER_WORDS_MARK,
  readerWordsHtml,
  readerWordsMarker,
  readerWordsPlaces,
  withReaderWords,
} from "../../src/render/reader-words.ts";

const body = [
  "Intro.",
  "",
  "## Business Transfers {#business-transfers}",
  "",
  "We might sell stores.",
  "",
  "### Assets {#assets}",
  "",
  "Customer information.",
  "",
  "## With Your Consent {#with-your-consent}",
  "",
  "Notice.",
].join("\n");

const words = {
  section: ["who sees my data"],
  clauses: { "business-transfers": ["merger", 'say "no"'], "with-your-consent": ["permission"] },
};

describe("a section page's markers for reader words", () => {
  const { html } = renderMarkdown(markdown, body, { readerWords: words });
  const at = (text: string) => html.indexOf(text);

  it("go before the first clause for the section, and at the end of each clause, before the next heading of any level", () => {
    expect(at(readerWordsMarker(""))).toBeLessThan(at("Intro."));
    expect(at(readerWordsMarker("business-transfers"))).toBeGreaterThan(at("We might sell stores."));
    // Ahead of the next heading's whole markup, so Pagefind counts the words in the clause before it.
    expect(html.slice(at(readerWordsMarker("business-transfers")), at('id="assets"'))).toBe(
      `${readerWordsMarker("business-transfers")}<div class="heading">\n<h3 `,
    );
    expect(at(readerWordsMarker("with-your-consent"))).toBeGreaterThan(at("Notice."));
  });

  it("hold no words, and are only on the page that asks for them", () => {
    expect(html).not.toMatch(/merger|permission|who sees/);
    expect(renderMarkdown(markdown, body).html).not.toContain("data-reader-words");
  });

  it("are placed by clause id, the section's first", () => {
    const tokens = markdown.parse(body, {});
    const places = readerWordsPlaces(tokens, { section: ["a"], clauses: { assets: ["b"], missing: ["c"] } });
    expect(places.map(([index, key]) => [tokens[index]?.type ?? "end", key])).toEqual([
      ["paragraph_open", ""],
      ["heading_open", "assets"],
    ]);
    expect(readerWordsPlaces(tokens, {})).toEqual([]);
  });
});

describe("the copy of a page Pagefind indexes", () => {
  const { html } = renderMarkdown(markdown, body, { readerWords: words });
  const indexed = withReaderWords(html, words);

  it("has each list of words in place of its marker, between marks, in an attribute Pagefind indexes", () => {
    expect(indexed).not.toContain(readerWordsMarker("business-transfers"));
    expect(indexed).toContain(readerWordsHtml(words.clauses["business-transfers"]));
    expect(readerWordsHtml(['say "no"', "opt out"])).toBe(
      `<div hidden data-pagefind-index-attrs="data-reader-words" data-reader-words="${READER_WORDS_MARK} say &quot;no&quot;, opt out ${READER_WORDS_MARK}"></div>\n`,
    );
    expect(indexed.indexOf("who sees my data")).toBeLessThan(indexed.indexOf("Intro."));
  });

  it("is otherwise the page as served", () => {
    expect(withReaderWords(html, {})).toBe(renderMarkdown(markdown, body).html);
  });

  it("holds each word once, without the stop words no search asks for", () => {
    const stop = new Set(["who", "my", "do", "you", "me", "i'm"]);
    expect(
      compactReaderWords(["who sees my data", "sell my data", "Data, please", "do you track me", "I'm"], stop),
    ).toBe("sees data, sell, please, track");
    expect(readerWordsHtml(["who sees my data", "sell my data"], stop)).toContain(
      `data-reader-words="${READER_WORDS_MARK} sees data, sell ${READER_WORDS_MARK}"`,
    );
  });
});
