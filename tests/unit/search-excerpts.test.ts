import { describe, expect, it } from "vitest";
import { excerptParts, excerptStart, hiddenPositions, pageWords } from "../../assets/search/excerpts.js";
import { READER_WORDS_MARK } from "../../src/render/reader-words.ts";

const text = (parts: Array<{ text: string; marked: boolean }> | null) =>
  parts?.map((part) => (part.marked ? `[${part.text}]` : part.text)).join("") ?? null;

describe("reader words in a page's text", () => {
  it("are found between two marks, the marks included, with the mark the build writes", () => {
    const words = pageWords(`Intro text. ${READER_WORDS_MARK} merger, takeover ${READER_WORDS_MARK} Clause text.`);
    expect([...hiddenPositions(words)]).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
  });
});

describe("an excerpt", () => {
  const words = pageWords(
    "Business Transfers. As we continue to develop our business, we might sell or buy stores. ⁂ merger, sold ⁂ In such transactions, customer information is transferred.",
  );
  const hidden = hiddenPositions(words);
  const at = (word: string) => words.findIndex((w) => w.startsWith(word));

  it("quotes the clause's text after its heading, marks the words searched for and never the reader words", () => {
    const marked = new Set([at("sell"), at("sold")]);
    expect(text(excerptParts(words, 2, words.length, { hidden, marked, length: 30 }))).toBe(
      "As we continue to develop our business, we might [sell] or buy stores. In such transactions, customer information is transferred.",
    );
  });

  it("marks a word without the punctuation around it", () => {
    const marked = new Set([at("business,")]);
    expect(text(excerptParts(words, 2, 12, { hidden, marked, length: 30 }))).toContain("[business],");
  });

  it("starts where the sentence holding the first mark starts, and says with … where the text goes on", () => {
    const marked = new Set([at("transactions")]);
    expect(text(excerptParts(words, 2, words.length, { hidden, marked, length: 6 }))).toBe(
      "… In such [transactions], customer information is …",
    );
  });

  it("is nothing when the part has no text of its own to quote", () => {
    expect(excerptParts(words, 15, 19, { hidden, marked: new Set(), length: 30 })).toBeNull();
  });
});

describe("where an excerpt starts", () => {
  const words = pageWords("one two three. four five six seven eight nine ten eleven twelve thirteen fourteen");
  const visible = words.map((_, i) => i);

  it("is the window with most marked words, back to its sentence", () => {
    expect(excerptStart(words, visible, new Set([5, 6, 7]), 4)).toBe(3);
  });

  it("is a few words back when the sentence starts far before", () => {
    expect(excerptStart(words, visible, new Set([13]), 3)).toBe(9);
  });

  it("never leaves the excerpt short at the end", () => {
    expect(excerptStart(words, visible, new Set([13]), 8)).toBe(6);
  });
});
