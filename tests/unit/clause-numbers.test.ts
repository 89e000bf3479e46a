import { describe, expect, it } from "vitest";
import { clauseNumbers, letters, roman } from "../../src/render/clause-numbers.ts";

describe("clause numbers", () => {
  it("count clauses with letters, sub-clauses with Roman numerals, then digits", () => {
    expect(clauseNumbers(3, [2, 2, 3, 3, 4, 2, 3])).toEqual([
      "3.a",
      "3.b",
      "3.b.i",
      "3.b.ii",
      "3.b.ii.1",
      "3.c",
      "3.c.i",
    ]);
  });

  it("start from the first level present, so a section's page and the whole policy agree", () => {
    expect(clauseNumbers(1, [3, 4, 3])).toEqual(clauseNumbers(1, [2, 3, 2]));
    expect(clauseNumbers(7, [])).toEqual([]);
  });

  it("go on past z and x", () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(letters)).toEqual(["a", "z", "aa", "az", "ba", "zz", "aaa"]);
    expect([1, 4, 9, 14, 40, 1999].map(roman)).toEqual(["i", "iv", "ix", "xiv", "xl", "mcmxcix"]);
  });
});
