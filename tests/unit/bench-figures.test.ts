import { describe, expect, it } from "vitest";
import { formatBytes, formatMs, formatRatio, formatSummary, markdownTable } from "../../scripts/bench/format.ts";
import { growthRatio, median, relativeSpread, summarize, summarizeRuns } from "../../scripts/bench/stats.ts";

describe("benchmark statistics", () => {
  it("take the median of odd and even numbers of runs, in any order", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/);
  });

  it("summarize runs as median, fastest and slowest, and the spread between them", () => {
    const summary = summarize([110, 90, 100]);
    expect(summary).toEqual({ median: 100, min: 90, max: 110, runs: 3 });
    expect(relativeSpread(summary)).toBeCloseTo(0.2);
    expect(relativeSpread(summarize([5]))).toBe(0);
  });

  it("summarize each field of several runs on its own", () => {
    const runs = [
      { a: 1, b: 10 },
      { a: 3, b: 30 },
      { a: 2, b: 20 },
    ];
    expect(summarizeRuns(runs, ["a", "b"])).toEqual({
      a: { median: 2, min: 1, max: 3, runs: 3 },
      b: { median: 20, min: 10, max: 30, runs: 3 },
    });
  });

  it("give the growth between sizes only when there is a size before", () => {
    expect(growthRatio(2000, 9000)).toBe(4.5);
    expect(growthRatio(undefined, 9000)).toBeUndefined();
    expect(growthRatio(0, 9000)).toBeUndefined();
  });
});

describe("benchmark formatting", () => {
  it("writes bytes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(6 * 1024)).toBe("6.0 KB");
    expect(formatBytes(120 * 1024 + 300)).toBe("120 KB");
    expect(formatBytes(1.5 * 1024 ** 2)).toBe("1.5 MB");
    expect(formatBytes(1024 ** 3)).toBe("1.0 GB");
  });

  it("writes times in ms below a second and seconds above", () => {
    expect(formatMs(4.25)).toBe("4.3 ms");
    expect(formatMs(336.4)).toBe("336 ms");
    expect(formatMs(4321)).toBe("4.32 s");
    expect(formatMs(31_520)).toBe("31.5 s");
  });

  it("writes a summary as median ± half the range, and a single run as itself", () => {
    expect(formatSummary(summarize([90, 100, 110]), formatMs)).toBe("100 ms ±10%");
    expect(formatSummary(summarize([100]), formatMs)).toBe("100 ms");
    expect(formatRatio(9.96)).toBe("×10.0");
    expect(formatRatio(undefined)).toBe("–");
  });

  it("makes Markdown tables with figures right-aligned and pipes escaped", () => {
    expect(
      markdownTable(
        ["size", "wall"],
        [
          ["10", "1 s"],
          ["a|b", "2 s"],
        ],
      ),
    ).toBe("| size | wall |\n| --- | ---: |\n| 10 | 1 s |\n| a\\|b | 2 s |");
    expect(markdownTable(["a", "b", "c"], [], 2).split("\n")[1]).toBe("| --- | --- | ---: |");
  });
});
