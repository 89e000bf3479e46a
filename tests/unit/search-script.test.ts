import { describe, expect, it } from "vitest";
import {
  addressFor,
  arrowTarget,
  clauseResults,
  excerptParts,
  latestOnly,
  pagefindOptions,
  summaryText,
  TERMS_MARKER,
} from "../../assets/search.js";

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

describe("the search page's summary", () => {
  it("says how many results a query found, in the words readers and tests rely on", () => {
    expect(summaryText(3, "cookies")).toBe("3 results for cookies");
    expect(summaryText(1, "credit card")).toBe("1 result for credit card");
    expect(summaryText(0, "xyzzy")).toBe("No results for xyzzy");
    expect(summaryText(4286, "cookies")).toBe("4,286 results for cookies");
  });
});

describe("Pagefind's options on the search page", () => {
  it("keep the tuned ranking, 24-word excerpts, the highlight parameter and the path prefix", () => {
    expect(pagefindOptions("/privacy/")).toEqual({
      baseUrl: "/privacy/",
      excerptLength: 24,
      highlightParam: "highlight",
      ranking: { pageLength: 0.5, termFrequency: 1.0, termSaturation: 1.2 },
    });
  });
});

describe("an excerpt", () => {
  it("becomes runs of plain and marked text, with Pagefind's escapes undone and no markup read", () => {
    expect(excerptParts("About <mark>Cookies?</mark> <mark>Cookies</mark> &lt;b&gt;are&lt;/b&gt; & more")).toEqual([
      { text: "About ", marked: false },
      { text: "Cookies?", marked: true },
      { text: " ", marked: false },
      { text: "Cookies", marked: true },
      { text: " <b>are</b> & more", marked: false },
    ]);
  });

  it("stops where the section's search terms begin, so it quotes only the policy", () => {
    expect(excerptParts(`how to disable <mark>cookies</mark> altogether. ${TERMS_MARKER} opt`)).toEqual([
      { text: "how to disable ", marked: false },
      { text: "cookies", marked: true },
      { text: " altogether.", marked: false },
    ]);
  });
});

describe("the clauses listed under a section", () => {
  const sub = (id: string, hits: number, excerpt = "a <mark>hit</mark>") => ({
    url: `/s/#${id}`,
    excerpt,
    locations: Array.from({ length: hits }, (_, i) => i),
    ...(id ? { anchor: { id } } : {}),
  });

  it("leave out the page itself, which has no anchor", () => {
    expect(clauseResults([sub("", 9), sub("a", 1)]).map((s) => s.url)).toEqual(["/s/#a"]);
  });

  it("are at most five, those with most hits, in page order", () => {
    const subs = [sub("a", 1), sub("b", 5), sub("c", 2), sub("d", 4), sub("e", 3), sub("f", 6), sub("g", 1)];
    expect(clauseResults(subs).map((s) => s.url)).toEqual(["/s/#b", "/s/#c", "/s/#d", "/s/#e", "/s/#f"]);
  });

  it("leave out a clause whose only hit is in the section's search terms", () => {
    const last = sub("last", 1, `share the information. ${TERMS_MARKER} who sees my data, <mark>police</mark>.`);
    expect(clauseResults([sub("a", 1), last]).map((s) => s.url)).toEqual(["/s/#a"]);
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
});
