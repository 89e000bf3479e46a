import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../scripts/bench/args.ts";
import { buildBreakdownTable, commandsTable } from "../../scripts/bench/commands-report.ts";
import type { PageCost } from "../../scripts/bench/reader-cost.ts";
import {
  GENERATED_END,
  GENERATED_START,
  renderReport,
  replaceGenerated,
  scaleTable,
} from "../../scripts/bench/report.ts";
import type { ScaleResult } from "../../scripts/bench/scale.ts";
import type { SearchTransfer } from "../../scripts/bench/search-transfer.ts";
import { summarize } from "../../scripts/bench/stats.ts";
import { evaluateTargets, heaviestSectionPage } from "../../scripts/bench/targets.ts";

const MB = 1024 ** 2;

function scale(sections: number, wallMs: number, peakMb = 300): ScaleResult {
  const one = (value: number) => summarize([value]);
  return {
    sections,
    runs: 1,
    figures: {
      wallMs: one(wallMs),
      cpuMs: one(wallMs / 2),
      peakRssBytes: one(peakMb * MB),
      files: one(sections * 2),
      bytes: one(sections * 10_000),
      searchBytes: one(sections * 1000),
    },
    steps: { eleventy: wallMs / 2 },
    eleventy: [],
  };
}

function page(sitePath: string, gzip: number, readableWithoutJs = true): PageCost {
  const t = { raw: gzip * 3, gzip, brotli: gzip };
  const label = sitePath === "/" ? "whole policy" : "section";
  return {
    label,
    sitePath,
    requests: 3,
    html: t,
    css: t,
    js: t,
    other: t,
    htmlCssJs: t,
    firstRender: t,
    blocking: ["/assets/site.css"],
    readableWithoutJs,
  };
}

const search = (site: string, gzip: number): SearchTransfer => {
  const query = { query: "q", results: "1 result", requests: 1, total: { raw: gzip, gzip, brotli: gzip }, byKind: {} };
  return { site, first: query, second: query };
};

describe("judging figures against the issue's targets", () => {
  it("marks each target met or missed, and the ones not measured as neither", () => {
    const rows = evaluateTargets({
      scale: [scale(1000, 4900), scale(10_000, 41_000, 1100)],
      pages: [page("/", 9000), page("/a/", 5000), page("/b/", 6200)],
      search: [search("real site", 100 * 1024), search("10,000 sections", 301 * 1024)],
      dev: { startToFirstPageMs: [3100, 2900, 3200], savedToServedMs: [250, 400, 280], rebuildMs: [] },
      commands: { buildMs: [1400, 1600, 1450], checkMs: [900, 1100, 1200] },
      pdf: [
        {
          label: "the real policy",
          sections: 7,
          stepMs: { median: 14_000, min: 13_000, max: 16_000, runs: 3 },
          pdfs: 9,
          pages: 13,
          bytes: 330_000,
          whole: { pages: 3, bytes: 72_000 },
        },
      ],
      history: {
        ...scale(20, 5200, 1100),
        versions: 50,
        comparePages: summarize([97]),
        compareBytes: summarize([5 * MB]),
      },
    });
    expect(rows.map((row) => [row.figure.split(" (")[0].split(",")[0], row.met])).toEqual([
      ["Section page to first render", false],
      ["First query", true],
      ["First query", false],
      ["Cold build", true],
      ["Cold build", false],
      ["Peak memory of the build", false],
      ["`npm run build` of the real policy", true],
      ["`npm run check` of the real policy", false],
      ["`npm start` to the first page served", false],
      ["Dev rebuild: save to served page", true],
      ["All PDFs of the real policy", true],
      ["Cold build", false],
      ["Peak memory", false],
    ]);
    expect(rows.at(-3)?.measured).toBe("14.0 s for 9 PDFs");
    expect(rows.at(-2)?.figure).toBe("Cold build, 20 sections with 50 versions (the 1,000-section target)");
    expect(rows.at(-1)?.measured).toBe("1.1 GB");
    expect(rows[0].figure).toContain("/b/");
    expect(
      evaluateTargets({ scale: [] }).every((row) => row.met === undefined && row.measured === "not measured"),
    ).toBe(true);
  });

  it("requires section pages to read without JavaScript", () => {
    const [row] = evaluateTargets({ scale: [], pages: [page("/a/", 5000, false)] });
    expect(row.met).toBe(false);
    expect(heaviestSectionPage([page("/", 9000)])).toBeUndefined();
  });
});

describe("the commands as an editor runs them", () => {
  it("are listed with their median and spread, and what was not measured says so", () => {
    const table = commandsTable({ buildMs: [1000, 1200, 1100], checkMs: [500] });
    expect(table).toContain("| `npm run build` (the real policy) | 1.10 s ±9% | 3 |");
    expect(table).toContain("| `npm run check` (the real policy) | 500 ms | 1 |");
    expect(table).toContain("| `npm start` until the first page is served | not measured | 0 |");
  });

  it("split npm run build's time into the build's own steps and the rest", () => {
    const real = { ...scale(7, 900), steps: { startup: 400, content: 50, eleventy: 200, swap: 10 } };
    const table = buildBreakdownTable({ buildMs: [1000, 1200, 1100], checkMs: [] }, real);
    expect(table.split("\n").slice(2)).toEqual([
      "| npm run itself, Node's exit, waiting for a core (the rest) | 440 ms |",
      "| Start-up: Node, the compiled build (scripts/launch.js), Eleventy and our modules | 400 ms |",
      "| Ours: read, check and render the policy and its history | 50 ms |",
      "| Eleventy: data, Nunjucks templates, our filters, writing HTML and assets | 200 ms |",
      "| Ours: swap the staged site into place | 10 ms |",
      "| **`npm run build`, from the shell** | **1.10 s** |",
    ]);
    const slowSteps = { ...real, steps: { startup: 900, eleventy: 400 } };
    expect(buildBreakdownTable({ buildMs: [1200], checkMs: [] }, slowSteps)).toContain("(the rest) | – |");
  });
});

describe("the report document", () => {
  it("replaces only what lies between its markers", () => {
    const existing = `# Performance\n\nIntro.\n\n${GENERATED_START}\nold figures\n${GENERATED_END}\n\n## Changes\n\nKept.\n`;
    const updated = replaceGenerated(existing, "new figures\n");
    expect(updated).toBe(
      `# Performance\n\nIntro.\n\n${GENERATED_START}\nnew figures\n${GENERATED_END}\n\n## Changes\n\nKept.\n`,
    );
  });

  it("starts a new document, or keeps an unmarked one's text below the figures", () => {
    expect(replaceGenerated(undefined, "figures")).toBe(
      `# Performance\n\n${GENERATED_START}\nfigures\n${GENERATED_END}\n`,
    );
    expect(replaceGenerated("# Performance\n\nNotes.\n", "figures")).toBe(
      `# Performance\n\n${GENERATED_START}\nfigures\n${GENERATED_END}\n\nNotes.\n`,
    );
  });

  it("shows growth between synthetic sizes but not against the real policy", () => {
    const table = scaleTable([scale(10, 1000), scale(100, 2500)], scale(7, 900));
    const lastColumn = table
      .split("\n")
      .slice(2)
      .map((line) => line.split("|").at(-2)!.trim());
    expect(lastColumn).toEqual(["–", "–", "×2.5"]);
    expect(table).toContain("7 (the real policy)");
  });
});

describe("the long history in the report", () => {
  it("says how many of the pairs of versions got a compare view, what the build cost, and leaves out what was not run", () => {
    const report = renderReport({
      options: parseBenchArgs(["--history-only"]),
      machine: {
        date: "2026-11-30",
        cpu: "cpu",
        cores: 2,
        memoryBytes: 8 * 1024 * MB,
        node: "v20",
        os: "Linux",
        loadAtStart: 1,
      },
      scale: [],
      history: {
        ...scale(20, 17_000, 400),
        versions: 50,
        comparePages: summarize([1225]),
        compareBytes: summarize([63 * MB]),
      },
    });
    expect(report).toContain("### Build cost as the history grows");
    expect(report).toMatch(
      /\| 20 sections, 50 versions \| 1,225 of 1,225 pairs \| 17\.0 s \| 8\.50 s \| 400 MB \| 40 \| 195 KB \| 63\.0 MB \|/,
    );
    expect(report).toMatch(
      /\| Cold build, 20 sections with 50 versions \(the 1,000-section target\) \| ≤ 5 s \| 17\.0 s \| \*\*missed\*\* \|/,
    );
    expect(report).toContain("| step (median) | 20 sections, 50 versions |");
    for (const absent of ["Build cost as the policy grows", "Commands as you run them", "Reader cost"]) {
      expect(report).not.toContain(`### ${absent}`);
    }
  });
});
