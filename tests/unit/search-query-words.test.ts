import { describe, expect, it } from "vitest";
import { likeness, parseQuery, plainWord, queryWords } from "../../assets/search/words.js";
import { stopWordsFor } from "../../src/search/stop-words.ts";
import { vocabularyWords } from "../../src/search/vocabulary.ts";

const stop = new Set(stopWordsFor("en"));

describe("a reader's query", () => {
  it("loses the words that only frame a question, and says which", () => {
    expect(parseQuery("Can I get a copy of everything you hold about me?", stop)).toEqual({
      phrases: [],
      words: ["copy", "everything", "hold"],
      stopped: ["can", "i", "get", "a", "of", "you", "about", "me"],
    });
  });

  it("knows contractions with a typographic apostrophe, a plain one or none", () => {
    for (const query of ["I’m moving", "i'm moving", "im moving"]) {
      expect(parseQuery(query, stop).words).toEqual(["moving"]);
    }
  });

  it("keeps a quoted phrase whole and exact, curly quotes too, and each word once", () => {
    expect(parseQuery('"credit card" company cookies cookies', stop)).toEqual({
      phrases: ["credit card"],
      words: ["company", "cookies"],
      stopped: [],
    });
    expect(parseQuery("“Web site” services", stop).phrases).toEqual(["web site"]);
  });

  it("treats an unclosed quote as a plain word boundary", () => {
    expect(parseQuery('"credit card', stop)).toEqual({ phrases: [], words: ["credit", "card"], stopped: [] });
  });

  it("keeps the stop words when they are all there is to search", () => {
    expect(parseQuery("about you", stop)).toEqual({ phrases: [], words: ["about", "you"], stopped: [] });
  });

  it("drops nothing in a language without a stop list", () => {
    expect(stopWordsFor("de")).toEqual([]);
    expect(stopWordsFor("en-GB")).toBe(stopWordsFor("en"));
    expect(parseQuery("what is a cookie", new Set(stopWordsFor("de"))).words).toEqual(["what", "is", "a", "cookie"]);
  });
});

describe("words as the search compares them", () => {
  it("split queries and the build's vocabulary at the same places", () => {
    const text = "Customer's e-mail, Web site: “cookies,” SSL and the credit-card company.";
    expect(queryWords(text)).toEqual([
      "customer's",
      "e-mail",
      "web",
      "site",
      "cookies",
      "ssl",
      "and",
      "the",
      "credit-card",
      "company",
    ]);
    expect(vocabularyWords(text)).toEqual(
      expect.arrayContaining(
        queryWords(text)
          .map(plainWord)
          .filter((w) => w.length >= 3),
      ),
    );
  });

  it("are compared plain: lower case, no possessive, no apostrophe or hyphen", () => {
    expect(plainWord("Customer's")).toBe("customer");
    expect(plainWord("E-mail,")).toBe("email");
    expect(plainWord("“cookies,”")).toBe("cookies");
  });

  it("are alike as far as they begin alike", () => {
    expect(likeness("Cookies,", "cookies")).toBe(1);
    expect(likeness("cookie", "cookies")).toBeCloseTo(6 / 7);
    expect(likeness("store", "storing")).toBeCloseTo(4 / 7);
    expect(likeness("add", "address")).toBeCloseTo(3 / 7);
    expect(likeness("⁂", "address")).toBe(0);
  });
});
