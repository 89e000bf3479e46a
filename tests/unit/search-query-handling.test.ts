import { describe, expect, it } from "vitest";
import { matchedAsTyped, runQuery } from "../../assets/search/query.js";
import { plainWord } from "../../assets/search/words.js";
import { buildVocabulary } from "../../src/search/vocabulary.ts";

interface FakePage {
  id: string;
  content: string;
  archived?: boolean;
}

/**
 * A small stand-in for Pagefind's search, with the matching rules this code relies on: every word
 * must match, a word matches words that begin with it, or (when none does) the longest word that
 * begins it; a quoted query matches its words in a row; scores grow with the hits.
 */
function fakeEngine(pages: FakePage[], { limited = false } = {}) {
  const asked: string[] = [];
  const wordsOf = (page: FakePage) => page.content.split(/\s+/).map(plainWord);
  const matcher = (inIndex: string[], term: string) => {
    const longer = inIndex.filter((word) => word.startsWith(term));
    if (longer.length) return (word: string) => word.startsWith(term);
    const shorter = inIndex.filter((word) => term.startsWith(word)).sort((a, b) => b.length - a.length)[0];
    return (word: string) => shorter !== undefined && word === shorter;
  };
  const search = async (query: string, everywhere = false) => {
    asked.push(everywhere ? `${query} (everywhere)` : query);
    const shown = pages.filter((page) => everywhere || !limited || !page.archived);
    const inIndex = shown.flatMap(wordsOf);
    const exact = /^".*"$/.test(query);
    const terms = query.replace(/"/g, "").split(/\s+/).map(plainWord);
    return shown.flatMap((page) => {
      const words = wordsOf(page);
      let positions: number[];
      if (exact) {
        const at = words.findIndex((_, i) => terms.every((term, k) => words[i + k] === term));
        positions = at < 0 ? [] : terms.map((_, k) => at + k);
      } else {
        const each = terms.map((term) => words.flatMap((word, i) => (matcher(inIndex, term)(word) ? [i] : [])));
        positions = each.every((found) => found.length > 0) ? each.flat().sort((a, b) => a - b) : [];
      }
      if (positions.length === 0) return [];
      return [{ id: page.id, score: positions.length / words.length, words: positions, data: async () => page }];
    });
  };
  return { engine: { search, limited }, asked };
}

const pages: FakePage[] = [
  { id: "cookies", content: "Cookies are identifiers. Your browser can refuse cookies. ⁂ tracking, block cookies ⁂" },
  { id: "sharing", content: "We may sell stores. We add partners. ⁂ merger, police ⁂" },
  { id: "terms", content: "This Privacy Policy and our policy changes apply to the policy." },
  { id: "security", content: "Your credit card number is sent to the credit card company. Protect your password." },
  { id: "old", content: "We used to share your shoe size.", archived: true },
];
const vocabulary = buildVocabulary(
  pages.map((page) => page.content),
  "en",
);
const run = (query: string, options?: { limited?: boolean }) => {
  const { engine, asked } = fakeEngine(pages, options);
  return runQuery(query, engine, vocabulary).then((outcome) => ({ ...outcome, asked }));
};
interface Hit {
  result: { id: string };
  terms: Array<{ text: string }>;
}
const ids = (outcome: { hits: Hit[] }) => outcome.hits.map((hit) => hit.result.id);
const texts = (terms: Array<{ text: string }>) => terms.map((term) => term.text);

describe("query handling", () => {
  it("searches the words that matter, and lists pages holding all of them in Pagefind's order", async () => {
    const outcome = await run("Can I block cookies in my browser?");
    expect(outcome.stopped).toEqual(["can", "i", "in", "my"]);
    expect(texts(outcome.terms)).toEqual(["block", "cookies", "browser"]);
    expect(outcome.mode).toBe("all");
    expect(ids(outcome)).toEqual(["cookies"]);
  });

  it("drops a word that matches nothing and says so, searching the rest", async () => {
    const outcome = await run("credit card everything");
    expect(outcome.dropped).toEqual([{ text: "everything", phrase: false, exact: false, elsewhere: false }]);
    expect(ids(outcome)).toEqual(["security"]);
  });

  it("reads a misspelt word as the nearest word the policy uses", async () => {
    const outcome = await run("pasword");
    expect(outcome.terms).toMatchObject([{ text: "password", typed: "pasword" }]);
    expect(ids(outcome)).toEqual(["security"]);
  });

  it("does not count a match only through a much shorter word of the index", async () => {
    // The index has "add", which begins "address": Pagefind would match it, a reader would not.
    const outcome = await run("address");
    expect(outcome.terms).toEqual([]);
    expect(outcome.dropped.map((term) => term.text)).toEqual(["address"]);
    expect(outcome.mode).toBe("none");
  });

  it("matches a word the policy uses exactly, so police does not find policy", async () => {
    const outcome = await run("police");
    expect(ids(outcome)).toEqual(["sharing"]);
    expect(outcome.asked).toContain('"police"');
  });

  it("matches a word being typed as the start of longer words", async () => {
    const outcome = await run("cook");
    expect(outcome.terms).toMatchObject([{ text: "cook", exact: false }]);
    expect(ids(outcome)).toEqual(["cookies"]);
  });

  it("falls back to pages with most of the words, most first, then by Pagefind's score", async () => {
    const outcome = await run("merger cookies tracking");
    expect(outcome.mode).toBe("most");
    expect(ids(outcome)).toEqual(["cookies", "sharing"]);
    expect(outcome.hits.map((hit: Hit) => texts(hit.terms))).toEqual([["cookies", "tracking"], ["merger"]]);
    // Two words beat one, whatever the scores: the cookies page scores higher for its one word.
    expect(ids(await run("merger police cookies"))).toEqual(["sharing", "cookies"]);
  });

  it("keeps a quoted phrase exact", async () => {
    expect(ids(await run('"credit card company"'))).toEqual(["security"]);
    const outcome = await run('"card credit"');
    expect(outcome.mode).toBe("none");
    expect(outcome.dropped).toMatchObject([{ text: "card credit", phrase: true }]);
  });

  it("says when a word missing from the current policy is in an earlier version", async () => {
    const outcome = await run("shoe", { limited: true });
    expect(outcome.dropped).toMatchObject([{ text: "shoe", elsewhere: true }]);
    expect(outcome.hits).toEqual([]);
    expect(ids(await run("shoe"))).toEqual(["old"]);
  });

  it("finds nothing for nothing", async () => {
    const outcome = await run("");
    expect(outcome).toMatchObject({ terms: [], dropped: [], mode: "none", hits: [] });
  });
});

describe("whether Pagefind matched a word as typed", () => {
  const found = (content: string, words: number[]) => ({ id: "p", score: 1, words, data: async () => ({ content }) });

  it("is yes for a word found whole or at the start of a longer one", async () => {
    expect(await matchedAsTyped("info", found("the information we hold", [1]))).toBe(true);
    expect(await matchedAsTyped("storing", found("we store it", [1]))).toBe(true);
  });

  it("is no for a much shorter word that only begins it", async () => {
    expect(await matchedAsTyped("updaet", found("sign up, now", [1]))).toBe(false);
  });
});
