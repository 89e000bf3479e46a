import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../scripts/bench/args.ts";
import { appendMarker, parseBuildTimes } from "../../scripts/bench/dev-loop.ts";
import { parseEleventyBenchmarks } from "../../scripts/bench/eleventy-benchmark.ts";
import { parseStat, parseVmRss, processTree, treeCpuMs, treeRss } from "../../scripts/bench/process-tree.ts";
import { firstRenderOf, splitByType } from "../../scripts/bench/reader-cost.ts";
import { resourceKind, totalsByKind, transferOf } from "../../scripts/bench/transfer.ts";

describe("measuring a process tree", () => {
  it("reads /proc stat lines whose command name has spaces and parentheses", () => {
    const line = "4242 (node (tsx) x) S 4200 4242 4200 0 -1 4194304 100 0 0 0 150 25 7 3 20 0 11 0 12345 1000000 20000";
    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4200, cpuMs: 1750, childrenCpuMs: 100 });
    expect(() => parseStat("garbage")).toThrow(/not a \/proc stat line/);
  });

  it("reads resident memory from /proc status, and none from a zombie", () => {
    expect(parseVmRss("Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\nThreads:\t7\n")).toBe(204800 * 1024);
    expect(parseVmRss("Name:\tpagefind\nState:\tZ (zombie)\n")).toBe(0);
  });

  it("finds a running child in the tree and counts its memory and CPU", async () => {
    // It says when its memory is in use; the test waits for that, not for a length of time.
    const child = spawn(process.execPath, [
      "-e",
      "const a = Buffer.alloc(64 * 1024 * 1024, 1); console.log('ready'); setInterval(() => a, 1000)",
    ]);
    try {
      await new Promise((ready) => child.stdout.once("data", ready));
      expect(processTree(process.pid)).toContain(child.pid);
      expect(processTree(child.pid!)).toEqual([child.pid]);
      expect(treeRss(process.pid) - treeRss(child.pid!)).toBeGreaterThan(0);
      expect(treeRss(child.pid!)).toBeGreaterThan(64 * 1024 * 1024);
      expect(treeCpuMs(process.pid)).toBeGreaterThan(treeCpuMs(child.pid!));
    } finally {
      child.kill();
    }
  });
});

describe("reading what tools report", () => {
  it("parses Eleventy's benchmark lines, slowest first", () => {
    const stderr = [
      "2026-11-29T06:50:33.940Z Eleventy:Benchmark Benchmark      3ms   0%     6× (Aggregate) Configuration addPlugin",
      '2026-11-29T06:50:33.940Z Eleventy:Benchmark Benchmark    651ms  17%  4005× (Configuration) "readableDate" Nunjucks Filter',
      "[11ty] Wrote 1003 files in 3.79 seconds (3.8ms each, v3.1.8)",
    ].join("\n");
    expect(parseEleventyBenchmarks(stderr)).toEqual([
      { ms: 651, count: 4005, group: "Configuration", name: '"readableDate" Nunjucks Filter' },
      { ms: 3, count: 6, group: "Aggregate", name: "Configuration addPlugin" },
    ]);
  });

  it("parses the dev server's build times and adds a unique sentence to a section", () => {
    const output =
      "Server at http://localhost:8080/\nBuilt dist (7 pages searchable) in 812 ms.\n[11ty] Wrote 15 files in 0.05 seconds\nBuilt ../tmp/site (7 pages searchable) in 96 ms.\n";
    expect(parseBuildTimes(output)).toEqual([812, 96]);
    expect(appendMarker("Text.\n\n", "edit 1")).toBe("Text.\n\nEdited for the benchmark: edit 1.\n");
  });
});

describe("counting transfer", () => {
  it("counts a text body raw and compressed, and an already gzipped one as it is", () => {
    const text = Buffer.from("policy ".repeat(1000));
    const sizes = transferOf(text);
    expect(sizes.raw).toBe(7000);
    expect(sizes.gzip).toBeLessThan(200);
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
    const gzipped = gzipSync(text);
    expect(transferOf(gzipped)).toEqual({ raw: gzipped.length, gzip: gzipped.length, brotli: gzipped.length });
  });

  it("tells our pages and assets from Pagefind's code, index and fragments", () => {
    expect(resourceKind("/cookies/")).toBe("html");
    expect(resourceKind("/404.html")).toBe("html");
    expect(resourceKind("/assets/site.1234abcd.css")).toBe("css");
    expect(resourceKind("/assets/site.1234abcd.js")).toBe("js");
    expect(resourceKind("/assets/favicon.1234abcd.svg")).toBe("other");
    expect(resourceKind("/pagefind/pagefind-component-ui.js")).toBe("search-code");
    expect(resourceKind("/privacy/pagefind/wasm.en.pagefind")).toBe("search-code");
    expect(resourceKind("/pagefind/pagefind-entry.json")).toBe("search-index");
    expect(resourceKind("/pagefind/index/en_8967aed.pf_index")).toBe("search-index");
    expect(resourceKind("/pagefind/fragment/en_84068ac.pf_fragment")).toBe("search-fragment");
  });

  it("adds up transfers by kind and by what the browser does with them", () => {
    const t = (raw: number) => ({ raw, gzip: raw / 2, brotli: raw / 4 });
    const fetched = [
      { pathname: "/search/", kind: "html" as const, transfer: t(100) },
      { pathname: "/pagefind/pagefind-component-ui.css", kind: "search-code" as const, transfer: t(40) },
      { pathname: "/pagefind/pagefind.js", kind: "search-code" as const, transfer: t(20) },
      { pathname: "/pagefind/wasm.en.pagefind", kind: "search-code" as const, transfer: t(8) },
    ];
    const totals = totalsByKind(fetched);
    expect(totals.requests).toBe(4);
    expect(totals.all).toEqual(t(168));
    expect(totals["search-code"]).toEqual(t(68));
    expect(splitByType(fetched)).toEqual({ html: t(100), css: t(40), js: t(20), other: t(8) });
    expect(firstRenderOf(fetched, ["/pagefind/pagefind-component-ui.css"])).toEqual(t(140));
    expect(firstRenderOf(fetched, [])).toEqual(t(100));
  });
});

describe("the benchmark's command line", () => {
  it("runs every size three times and writes docs/performance.md by default", () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      sizes: [10, 100, 1000, 10_000],
      runs: 3,
      out: "docs/performance.md",
      json: undefined,
      browser: true,
      dev: true,
      history: true,
      historyOnly: false,
      help: false,
    });
    expect(parseBenchArgs(["--help"]).help).toBe(true);
  });

  it("in quick mode builds 10 and 100 sections once, no long history, and writes nothing unless told", () => {
    expect(parseBenchArgs(["--quick"])).toMatchObject({
      quick: true,
      sizes: [10, 100],
      runs: 1,
      out: undefined,
      history: false,
    });
    expect(parseBenchArgs(["--quick", "--out", "x.md"]).out).toBe("x.md");
  });

  it("measures the long history alone, or leaves it out, and writes nothing by itself unless told", () => {
    expect(parseBenchArgs(["--history-only", "--runs", "2"])).toMatchObject({
      history: true,
      historyOnly: true,
      runs: 2,
      out: undefined,
    });
    expect(parseBenchArgs(["--no-history"])).toMatchObject({ history: false, historyOnly: false });
    expect(() => parseBenchArgs(["--history-only", "--no-history"])).toThrow(/contradict/);
  });

  it("takes sizes, runs and switches, and refuses what it does not know", () => {
    expect(
      parseBenchArgs(["--sizes", "1000, 10", "--runs", "5", "--no-browser", "--no-dev", "--no-write"]),
    ).toMatchObject({
      sizes: [10, 1000],
      runs: 5,
      out: undefined,
      browser: false,
      dev: false,
    });
    expect(() => parseBenchArgs(["--runs", "0"])).toThrow(/--runs needs a whole number/);
    expect(() => parseBenchArgs(["--sizes", "10,ten"])).toThrow(/--sizes needs a whole number/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(/--fast/);
  });
});
