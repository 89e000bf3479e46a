import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { markdown, renderMarkdown } from "../../src/render/markdown.ts";
import {
  READER_WORDS_MARK,
  readerWordsHtml,
  readerWordsPlaces,
  withoutReaderWords,
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

describe("reader words in a section's page", () => {
  const env = {
    readerWords: {
      section: ["who sees my data"],
      clauses: { "business-transfers": ["merger"], "with-your-consent": ["permission"] },
    },
  };
  const { html } = renderMarkdown(markdown, body, env);

  it("go before the first clause for the section, and at the end of each clause, before the next heading of any level", () => {
    const at = (text: string) => html.indexOf(text);
    expect(at("who sees my data")).toBeLessThan(at("Intro."));
    expect(at("merger")).toBeGreaterThan(at("We might sell stores."));
    expect(at("merger")).toBeLessThan(at('id="assets"'));
    // Ahead of the next heading's whole markup, so Pagefind counts them in the clause before it.
    expect(html.slice(at("merger"), at('id="assets"'))).toMatch(/<\/div>\n<div class="heading">/);
    expect(at("permission")).toBeGreaterThan(at("Notice."));
  });

  it("are an attribute Pagefind indexes on a hidden element, between marks, escaped", () => {
    expect(readerWordsHtml(['say "no"', "opt out"], markdownIt().utils.escapeHtml)).toBe(
      `<div hidden data-pagefind-index-attrs="data-reader-words" data-reader-words="${READER_WORDS_MARK} say &quot;no&quot;, opt out ${READER_WORDS_MARK}"></div>\n`,
    );
  });

  it("are only on the page that asks for them, and come out of it whole", () => {
    expect(renderMarkdown(markdown, body).html).not.toContain("data-reader-words");
    expect(withoutReaderWords(html)).toBe(renderMarkdown(markdown, body).html);
  });

  it("are placed by clause id, and a section's words go first", () => {
    const tokens = markdown.parse(body, {});
    const places = readerWordsPlaces(tokens, { section: ["a"], clauses: { assets: ["b"] } });
    expect(places.map(([index, words]) => [tokens[index]?.type ?? "end", words])).toEqual([
      ["paragraph_open", ["a"]],
      ["heading_open", ["b"]],
    ]);
    expect(readerWordsPlaces(tokens, {})).toEqual([]);
  });
});
