import { describe, expect, it } from "vitest";
import { createComparer } from "../../src/history/comparer.ts";
import { compareUrl, comparisonsOf, notesFor } from "../../src/history/comparisons.ts";

const section = (id: string, body: string) => ({ id, title: id, body });
const version = (effectiveDate: string, sections: ReturnType<typeof section>[], changeNotes = {}) => ({
  effectiveDate,
  changeNotes,
  policy: { sections },
});

const v1 = version("2016-01-10", [section("a", "One."), section("b", "Two.")]);
const v2 = version("2018-05-25", [section("a", "One, changed."), section("b", "Two.")], { a: "Why a changed." });
const v3 = version("2020-07-01", [section("a", "One, changed."), section("b", "Two, changed.")], { b: "Why b." });

describe("every pair of versions", () => {
  it("is compared once, the older first, at /history/compare/<older>...<newer>/", () => {
    const pairs = comparisonsOf([v1, v2, v3], createComparer());
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
