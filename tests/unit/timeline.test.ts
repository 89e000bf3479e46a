import { describe, expect, it } from "vitest";
import { feedDates, inForceIndex, statusesOn } from "../../src/history/timeline.ts";
import { readToday, todayUtc } from "../../src/options.ts";

const DATES = ["2016-01-10", "2020-07-01", "2027-03-01"];

describe("the version in force on a day", () => {
  it("is the last one whose date has come, on its date included", () => {
    expect(inForceIndex(DATES, "2027-02-28")).toBe(1);
    expect(inForceIndex(DATES, "2027-03-01")).toBe(2);
    expect(inForceIndex(DATES, "2016-01-09")).toBe(-1);
  });

  it("makes the ones before it replaced and the ones after it announced", () => {
    expect(statusesOn(DATES, "2020-07-01")).toEqual(["superseded", "current", "upcoming"]);
    expect(statusesOn([...DATES, "2028-01-01"], "2027-01-15")).toEqual([
      "superseded",
      "current",
      "upcoming",
      "upcoming",
    ]);
  });
});

describe("a version's dates in the feed", () => {
  it("are the day it was announced, then the day it took effect, never the build's", () => {
    const iso = ({ published, updated }: { published: Date; updated: Date }) => [
      published.toISOString(),
      updated.toISOString(),
    ];
    expect(iso(feedDates("2027-03-01", "2027-01-15", "upcoming"))).toEqual([
      "2027-01-15T00:00:00.000Z",
      "2027-01-15T00:00:00.000Z",
    ]);
    expect(iso(feedDates("2027-03-01", "2027-01-15", "current"))).toEqual([
      "2027-01-15T00:00:00.000Z",
      "2027-03-01T00:00:00.000Z",
    ]);
    expect(iso(feedDates("2020-07-01", undefined, "superseded"))).toEqual([
      "2020-07-01T00:00:00.000Z",
      "2020-07-01T00:00:00.000Z",
    ]);
  });
});

describe("POLICY_TODAY", () => {
  it("is the real date in UTC when unset, whatever the clock's zone", () => {
    expect(readToday(undefined, new Date("2024-06-30T23:30:00-05:00"))).toBe("2024-07-01");
    expect(todayUtc(new Date("2024-06-30T23:30:00-05:00"))).toBe("2024-07-01");
  });

  it.each(["2027-3-1", "2027-02-30", "tomorrow", "2027-03-01T00:00"])("refuses %s as a usage error", (raw) => {
    expect(() => readToday(raw)).toThrow(/POLICY_TODAY ".*" is not a date written YYYY-MM-DD/);
  });

  it("takes a calendar date as given", () => {
    expect(readToday(" 2027-03-01 ")).toBe("2027-03-01");
  });
});
