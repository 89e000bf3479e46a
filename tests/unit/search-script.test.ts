import { describe, expect, it } from "vitest";
import {
  addressFor,
  arrowTarget,
  highlightWords,
  latestOnly,
  pagefindOptions,
  suggestions,
  termWeights,
} from "../../assets/search/controls.js";
import { noteText, summaryText } from "../../assets/search/describe.js";
import { readableDate as pageDate, resultHref } from "../../assets/search/render.js";
import { readableDate } from "../../src/lib/dates.ts";

/** A promise and the functions that settle it, so a test decides the order calls finish in. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const pagesOf = (...ids: string[]) => new Map(ids.map((id) => [id, {}]));

describe("the search page's summary", () => {
  it("says how many results a query found, in the words readers and tests rely on", () => {
    expect(summaryText(3, "cookies")).toBe("3 results for cookies");
    expect(summaryText(1, "credit card")).toBe("1 result for credit card");
    expect(summaryText(0, "xyzzy")).toBe("No results for xyzzy");
    expect(summaryText(4286, "cookies")).toBe("4,286 results for cookies");
  });
});

describe("what the search page says it did with the words", () => {
  const outcome = { stopped: [], terms: [{ text: "cookies", phrase: false }], dropped: [], mode: "all" };

  it("is nothing when the query was searched as typed", () => {
    expect(noteText(outcome)).toBe("");
  });

  it("names the words searched for and those the policy does not use", () => {
    const said = noteText({
      stopped: ["can", "i"],
      terms: [{ text: "copy", phrase: false }],
      dropped: [{ text: "everything", phrase: false, elsewhere: false }],
      mode: "all",
    });
    expect(said).toBe("Searched for: copy · Not in the current policy: everything.");
  });

  it("says when a spelling was read as another word, and when no section has every word", () => {
    const said = noteText(
      {
        stopped: [],
        terms: [
          { text: "cookies", phrase: false, typed: "cokies" },
          { text: "merger", phrase: false },
        ],
        dropped: [],
        mode: "most",
      },
      { everywhere: true },
    );
    expect(said).toBe(
      "Searched for: cookies, merger · “cokies” read as “cookies” · No section has all of these words: those with the most come first.",
    );
  });

  it("quotes phrases and says which words only earlier versions use", () => {
    const said = noteText({
      stopped: [],
      terms: [{ text: "credit card", phrase: true }],
      dropped: [{ text: "shoe size", phrase: true, elsewhere: true }],
      mode: "all",
    });
    expect(said).toBe("Searched for: “credit card” · Only in earlier versions: “shoe size”.");
  });
});

describe("Pagefind's options on the search page", () => {
  it("keep the tuned ranking, keep the numbers out of it, and use the path prefix", () => {
    expect(pagefindOptions("/privacy/")).toEqual({
      baseUrl: "/privacy/",
      excerptLength: 30,
      ranking: {
        pageLength: 0.5,
        termFrequency: 1.0,
        termSaturation: 1.2,
        metaWeights: { number: 0, numbers: 0 },
      },
    });
  });
});

describe("a result's address", () => {
  it("carries the words to mark and the clause to land on, under any path prefix", () => {
    expect(resultHref("/privacy/sharing/", ["merger", "credit card"], "business-transfers")).toBe(
      "/privacy/sharing/?highlight=merger&highlight=credit+card#business-transfers",
    );
    expect(resultHref("/cookies/", [])).toBe("/cookies/");
  });

  it("comes from the words searched for, a phrase as one", () => {
    expect(highlightWords({ terms: [{ text: "credit card" }, { text: "cookies" }] })).toEqual([
      "credit card",
      "cookies",
    ]);
  });
});

describe("an earlier version's date", () => {
  it("reads as the rest of the site writes dates", () => {
    expect(pageDate("2016-01-10")).toBe(readableDate("2016-01-10"));
    expect(pageDate("2016-01-10")).toBe("10 January 2016");
  });
});

describe("how much each word counts when clauses are ranked", () => {
  it("grows as fewer pages hold the word", () => {
    const weights = termWeights(
      [
        { text: "police", pages: pagesOf("sharing") },
        { text: "information", pages: pagesOf("a", "b", "c", "d", "e", "f") },
      ],
      7,
    );
    expect(weights.get("police")).toBeGreaterThan(3 * weights.get("information")!);
  });
});

describe("the words suggested when nothing is found", () => {
  const vocabulary = { words: { cookies: 3, cookie: 2, password: 1 } };

  it("are the nearest words the policy uses for each word it does not, once each", () => {
    const outcome = {
      dropped: [
        { text: "cookeez", phrase: false, elsewhere: false },
        { text: "cookiez", phrase: false, elsewhere: false },
        { text: "passwerd", phrase: false, elsewhere: false },
      ],
    };
    expect(suggestions(outcome, vocabulary)).toEqual(["cookies", "cookie", "password"]);
  });

  it("leave out phrases and words an earlier version has", () => {
    const outcome = {
      dropped: [
        { text: "cookiez", phrase: true, elsewhere: false },
        { text: "cookiez", phrase: false, elsewhere: true },
      ],
    };
    expect(suggestions(outcome, vocabulary)).toEqual([]);
  });
});

describe("searches that overtake each other", () => {
  it("keep only the latest query's results when an earlier one finishes last", async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const find = latestOnly((query: string) => (query === "slow" ? slow.promise : fast.promise));
    const first = find("slow");
    const second = find("fast");
    fast.resolve("fast results");
    expect(await second).toBe("fast results");
    slow.resolve("slow results");
    expect(await first).toBeNull();
  });

  it("report an earlier search's failure only if nothing later has started", async () => {
    const find = latestOnly(async (fail: boolean) => {
      if (fail) throw new Error("offline");
      return "ok";
    });
    const overtaken = find(true);
    expect(await find(false)).toBe("ok");
    expect(await overtaken).toBeNull();
    await expect(find(true)).rejects.toThrow("offline");
  });
});

describe("the arrow keys on the search page", () => {
  it("go from the field to the first result and on down, staying on the last", () => {
    expect(arrowTarget("ArrowDown", -1, 3)).toBe(0);
    expect(arrowTarget("ArrowDown", 0, 3)).toBe(1);
    expect(arrowTarget("ArrowDown", 2, 3)).toBe(2);
  });

  it("go up through the results and from the first back to the field", () => {
    expect(arrowTarget("ArrowUp", 2, 3)).toBe(1);
    expect(arrowTarget("ArrowUp", 0, 3)).toBe(-1);
  });

  it("are left alone in the field going up, without results, and for other keys", () => {
    expect(arrowTarget("ArrowUp", -1, 3)).toBeNull();
    expect(arrowTarget("ArrowDown", -1, 0)).toBeNull();
    expect(arrowTarget("Enter", 0, 3)).toBeNull();
  });
});

describe("the search page's address", () => {
  it("carries the query, so it can be shared, and drops it when the field is emptied", () => {
    expect(addressFor("https://example.org/p/search/?q=old#x", "credit card")).toBe(
      "https://example.org/p/search/?q=credit+card#x",
    );
    expect(addressFor("https://example.org/search/?q=old", "")).toBe("https://example.org/search/");
  });

  it("says whether earlier versions were included", () => {
    expect(addressFor("https://example.org/search/", "cookies", true)).toBe(
      "https://example.org/search/?q=cookies&versions=all",
    );
    expect(addressFor("https://example.org/search/?q=x&versions=all", "cookies", false)).toBe(
      "https://example.org/search/?q=cookies",
    );
  });
});
