import { describe, expect, it } from "vitest";
import { pageWords } from "../../assets/search/excerpts.js";
import { pageParts, phrasePositions, resultView } from "../../assets/search/parts.js";

/** A section page's record as Pagefind keeps it (pages/section.njk, src/render/reader-words.ts). */
const sharing = {
  url: "/sharing/",
  content: [
    "Do We Share the Information We Receive?",
    "We share information as described below. ⁂ who sees my data ⁂",
    "Business Transfers. We might sell or buy stores. ⁂ merger, takeover, sold ⁂",
    "Our Protection and Protection of Others. We release account information to comply with the law. ⁂ police ⁂",
    "With Your Consent. You will receive notice when information about you might go to third parties.",
  ].join(" "),
  meta: { title: "Do We Share the Information We Receive?", number: "3" },
  filters: { version: ["current"] },
  anchors: [] as Array<{ element: string; id: string; text: string; location: number; title?: string }>,
};
const words = pageWords(sharing.content);
const locate = (text: string) => words.findIndex((word, i) => `${word} ${words[i + 1]}`.startsWith(text));
sharing.anchors = [
  {
    element: "h2",
    id: "business-transfers",
    text: "Business Transfers",
    location: locate("Business Transfers."),
    title: "3.a",
  },
  {
    element: "h2",
    id: "protection-of-others",
    text: "Our Protection and Protection of Others",
    location: locate("Our Protection"),
    title: "3.b",
  },
  { element: "span", id: "old-alias", text: "", location: locate("With Your") },
  { element: "h2", id: "with-your-consent", text: "With Your Consent", location: locate("With Your"), title: "3.c" },
];
const positionsOf = (word: string) => words.flatMap((w, i) => (w.toLowerCase().startsWith(word) ? [i] : []));
const term = (text: string) => ({ text, phrase: false, positions: positionsOf(text) });
const weights = (...texts: string[]) => new Map(texts.map((text) => [text, 1]));

describe("a found page's parts", () => {
  it("are its own text after its title, then one per heading, numbered as the contents numbers them", () => {
    const parts = pageParts(sharing, words);
    expect(parts.map((part) => [part.id, part.number, part.title])).toEqual([
      ["", "3", "Do We Share the Information We Receive?"],
      ["business-transfers", "3.a", "Business Transfers"],
      ["protection-of-others", "3.b", "Our Protection and Protection of Others"],
      ["with-your-consent", "3.c", "With Your Consent"],
    ]);
    expect(words.slice(parts[0].body, parts[0].body + 2)).toEqual(["We", "share"]);
    expect(words[parts[1].body]).toBe("We");
    expect(parts[1].end).toBe(parts[2].start);
  });

  it("have no number where the index gives a heading none, and never repeat one a heading already shows", () => {
    const untitled = { ...sharing, anchors: sharing.anchors.map(({ title: _, ...anchor }) => anchor) };
    expect(
      pageParts(untitled, words)
        .slice(1)
        .map((part) => part.number),
    ).toEqual(["", "", ""]);
    const numbered = { ...sharing, anchors: [{ ...sharing.anchors[0], text: "3.a Business Transfers" }] };
    expect(pageParts(numbered, words)[1]).toMatchObject({ number: "3.a", title: "Business Transfers" });
  });
});

describe("a phrase on a page", () => {
  it("is found wherever its words stand in a row, whatever the case and punctuation", () => {
    expect(
      phrasePositions(pageWords("Protection and protection of others, protection of Others."), "protection of others"),
    ).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe("a result", () => {
  it("puts first the clause whose reader words answer, with an excerpt of its text that never quotes them", () => {
    const view = resultView(sharing, [term("merger")], weights("merger"));
    expect(view.clauses.map((clause) => clause.id)).toEqual(["business-transfers"]);
    expect(view.clauses[0].excerpt?.map((part) => part.text).join("")).toBe("We might sell or buy stores.");
    expect(view.excerpt).toBeNull();
  });

  it("lists clauses that answer as well as the best one, best first, and not those a common word touches", () => {
    const view = resultView(sharing, [term("information"), term("police")], weights("information", "police"));
    expect(view.clauses.map((clause) => clause.number)).toEqual(["3.b"]);
    const both = resultView(sharing, [term("information")], weights("information"));
    expect(both.clauses.map((clause) => clause.number)).toEqual(["3.b", "3.c"]);
  });

  it("shows the page's own excerpt when its own text answers, or when no clause does", () => {
    expect(resultView(sharing, [term("described")], weights("described")).excerpt).not.toBeNull();
    const titleOnly = resultView(sharing, [term("receive?")], weights("receive?"));
    expect(titleOnly.excerpt?.[0].text).toMatch(/^We share information/);
  });

  it("marks only words like the one searched, not those Pagefind stretched to match", () => {
    const view = resultView(
      sharing,
      [{ text: "sellers", phrase: false, positions: positionsOf("sell") }],
      weights("sellers"),
    );
    expect(view.clauses[0].excerpt?.some((part) => part.marked)).toBe(true);
    const stretched = resultView(
      sharing,
      [{ text: "selling", phrase: false, positions: positionsOf("sell") }],
      weights("selling"),
    );
    expect(stretched.clauses[0].excerpt?.some((part) => part.marked)).toBe(true);
    const far = resultView(
      sharing,
      [{ text: "selfish", phrase: false, positions: positionsOf("sell") }],
      weights("selfish"),
    );
    expect(far.clauses[0].excerpt?.some((part) => part.marked)).toBe(false);
  });

  it("says which version it is from", () => {
    expect(resultView(sharing, [term("merger")], weights("merger")).version).toBe("current");
    const archived = { ...sharing, filters: { version: ["2016-01-10"] } };
    expect(resultView(archived, [term("merger")], weights("merger")).version).toBe("2016-01-10");
  });
});
