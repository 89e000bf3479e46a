import { rmSync } from "node:fs";
import path from "node:path";
import type { EleventyBenchmark } from "./eleventy-benchmark.ts";
import { type BuildRun, measureBuild } from "./measure-build.ts";
import { median, type Summary, summarizeRuns } from "./stats.ts";
import { writeSyntheticContent } from "./synthetic.ts";

export const SCALE_FIGURES = ["wallMs", "cpuMs", "peakRssBytes", "files", "bytes", "searchBytes"] as const;
export type ScaleFigure = (typeof SCALE_FIGURES)[number];

export interface ScaleResult {
  sections: number;
  runs: number;
  figures: Record<ScaleFigure, Summary>;
  /** Median time of each build step, in ms. */
  steps: Record<string, number>;
  /** Eleventy's own benchmark from the run with the median wall time. */
  eleventy: EleventyBenchmark[];
}

/** The figures of one run, flat, so runs can be summarized field by field. */
export function flatten(run: BuildRun): Record<ScaleFigure, number> {
  return {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssBytes: run.peakRssBytes,
    files: run.output.files,
    bytes: run.output.bytes,
    searchBytes: run.search.bytes,
  };
}

/** Combines several runs of one size: medians and spreads, median step times, the median run's Eleventy benchmark. */
export function combineRuns(sections: number, runs: BuildRun[]): ScaleResult {
  const stepNames = [...new Set(runs.flatMap((run) => Object.keys(run.steps)))];
  const steps = Object.fromEntries(
    stepNames.map((name) => [name, median(runs.map((run) => run.steps[name as keyof BuildRun["steps"]] ?? 0))]),
  );
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return {
    sections,
    runs: runs.length,
    figures: summarizeRuns(runs.map(flatten), SCALE_FIGURES),
    steps,
    eleventy: byWall[Math.floor((byWall.length - 1) / 2)].eleventy,
  };
}

/** Builds one content folder `runs` times, each cold, in a fresh process and a fresh output folder. */
export async function measureContent(
  contentDir: string,
  sections: number,
  runs: number,
  workDir: string,
  options: { keep?: boolean; log?: (line: string) => void } = {},
): Promise<{ result: ScaleResult; kept?: string }> {
  const builds: BuildRun[] = [];
  let kept: string | undefined;
  for (let run = 1; run <= runs; run++) {
    const outDir = path.join(workDir, `site-${sections}-${run}`);
    builds.push(await measureBuild(contentDir, outDir));
    options.log?.(`  ${sections} sections, run ${run}/${runs}: ${Math.round(builds.at(-1)!.wallMs)} ms`);
    if (options.keep && run === runs) kept = outDir;
    else rmSync(outDir, { recursive: true, force: true });
  }
  return { result: combineRuns(sections, builds), kept };
}

export interface ScaleOptions {
  contentDir: string;
  sizes: number[];
  runs: number;
  /** A folder the benchmark owns; everything written here is removed by the caller. */
  workDir: string;
  /** Keep the last build of this size, for the search measurements. */
  keepSize?: number;
  log?: (line: string) => void;
}

/** Builds a synthetic policy of each size from the real one. */
export async function measureScale(options: ScaleOptions): Promise<{ results: ScaleResult[]; kept?: string }> {
  const results: ScaleResult[] = [];
  let kept: string | undefined;
  for (const sections of options.sizes) {
    const content = path.join(options.workDir, `content-${sections}`);
    writeSyntheticContent(options.contentDir, sections, content);
    const measured = await measureContent(content, sections, options.runs, options.workDir, {
      keep: sections === options.keepSize,
      log: options.log,
    });
    rmSync(content, { recursive: true, force: true });
    results.push(measured.result);
    kept ??= measured.kept;
  }
  return { results, kept };
}
