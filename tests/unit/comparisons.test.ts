import { describe, expect, it } from "vitest";
import { createComparer } from "../../src/history/comparer.ts";
import { compareUrl, comparisonsOf, linkedPairs, notesFor } from "../../src/history/comparisons.ts";

const section = (id: string, body: string) => ({ id, title: id, body });
const version = (effectiveDate: string, sections: ReturnType<typeof section>[], changeNotes = {}) => ({
  effectiveDate,
  changeNotes,
  policy: { sections },
});

const v1 = version("2016-01-10", [section("a", "One."), section("b", "Two.")]);
const v2 = version("2018-05-25", [section("a", "One, changed."), section("b", "Two.")], { a: "Why a changed." });
const v3 = version("2020-07-01", [section("a", "One, changed."), section("b", "Two, changed.")], { b: "Why b." });

describe("the pairs of versions built ahead", () => {
  it("are, for three versions, every pair", () => {
    expect(linkedPairs(3, 2)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(linkedPairs(1, 0)).toEqual([]);
  });

  it("are each version with the one before it, with the version in force, and with the newest", () => {
    // Five versions, the fourth in force and the fifth announced ahead.
    expect(linkedPairs(5, 3)).toEqual([
      [0, 1],
      [0, 3],
      [0, 4],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
      [3, 4],
    ]);
    // Five versions, the last in force: neither 0–2 nor 1–3 is built.
    expect(linkedPairs(5, 4)).toEqual([
      [0, 1],
      [0, 4],
      [1, 2],
      [1, 4],
      [2, 3],
      [2, 4],
      [3, 4],
    ]);
  });

  it("grow by two a version (three while one is announced), where every pair grows by the square", () => {
    expect(linkedPairs(50, 49)).toHaveLength(97); // of 1,225 pairs
    expect(linkedPairs(51, 49)).toHaveLength(50 + 48 + 49); // of 1,275
  });
});

describe("the pairs of versions compared", () => {
  it("are compared once, the older first, at /history/compare/<older>...<newer>/", () => {
    const pairs = comparisonsOf([v1, v2, v3], 2, createComparer());
    expect(pairs.map((p) => p.url)).toEqual([
      "/history/compare/2016-01-10...2018-05-25/",
      "/history/compare/2016-01-10...2020-07-01/",
      "/history/compare/2018-05-25...2020-07-01/",
    ]);
    expect(compareUrl("2016-01-10", "2020-07-01")).toBe("/history/compare/2016-01-10...2020-07-01/");
    const twoApart = pairs[1];
    expect(twoApart.changes.map((c) => `${c.id} ${c.change}`)).toEqual(["a changed", "b changed"]);
    expect(twoApart.between.map((v) => v.effectiveDate)).toEqual(["2018-05-25", "2020-07-01"]);
    expect(pairs[2].unchanged).toEqual([{ id: "a", title: "a" }]);
  });

  it("reads and compares each pair of section texts once, however many pairs of versions share it", () => {
    const comparer = createComparer();
    const [first] = comparer.compare(v2.policy.sections, v3.policy.sections);
    const [again] = comparer.compare([section("a", "One, changed.")], [section("a", "One, changed.")]);
    expect(again).toBe(first);
    const [fresh] = createComparer().compare(v2.policy.sections, v3.policy.sections);
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
  });
});

describe("notes on what changed", () => {
  it("come from each version between the two compared, oldest first, on a section that changed", () => {
    const change = (id: string, kind: "changed" | "unchanged") => ({
      id,
      title: id,
      change: kind,
      titleDiff: { kind: "heading" as const, change: "same" as const, parts: [] },
      blocks: [],
    });
    const both = [version("x", [], { a: "First." }), version("y", [], { a: "Second.", b: "Other." })];
    expect(notesFor(change("a", "changed"), both)).toEqual([
      { effectiveDate: "x", note: "First." },
      { effectiveDate: "y", note: "Second." },
    ]);
    expect(notesFor(change("a", "unchanged"), both)).toEqual([]);
  });
});
