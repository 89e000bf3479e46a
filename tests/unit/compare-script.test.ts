import { describe, expect, it } from "vitest";
import { comparePath, pairOfPath } from "../../assets/compare.js";

describe("the compare form's script", () => {
  it("goes to the compare view of two versions, the older first, under the site's prefix", () => {
    expect(comparePath("/", "2020-07-01", "2016-01-10")).toBe("/history/compare/2016-01-10...2020-07-01/");
    expect(comparePath("/privacy/", "2016-01-10", "2020-07-01")).toBe(
      "/privacy/history/compare/2016-01-10...2020-07-01/",
    );
    expect(comparePath("/", "2016-01-10", "2016-01-10")).toBeUndefined();
    expect(comparePath("/", "yesterday", "2016-01-10")).toBeUndefined();
  });

  it("reads the two dates from the address of a compare view the 404 page was served at", () => {
    expect(pairOfPath("/", "/history/compare/2019-01-01...2021-01-01/")).toEqual(["2019-01-01", "2021-01-01"]);
    expect(pairOfPath("/privacy/", "/privacy/history/compare/2021-01-01...2019-01-01")).toEqual([
      "2019-01-01",
      "2021-01-01",
    ]);
    for (const other of [
      "/history/compare/",
      "/history/compare/2019-01-01...2019-01-01/",
      "/history/compare/2019-01-01..2021-01-01/",
      "/history/2019-01-01/",
      "/privacy/history/compare/2019-01-01...2021-01-01/",
    ]) {
      expect(pairOfPath("/", other), other).toBeUndefined();
    }
  });
});
