import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { formatBytes, formatCount, formatMs, formatSummary, markdownTable } from "./format.ts";
import { type BuildRun, measureBuild, outputSize } from "./measure-build.ts";
import { combineRuns, type ScaleResult } from "./scale.ts";
import { type Summary, summarize } from "./stats.ts";
import { writeSyntheticHistory } from "./synthetic-history.ts";

/** The case for a history that grows forever: 20 sections, 50 versions. */
export const HISTORY_CASE = { sections: 20, versions: 50 } as const;

export interface HistoryResult extends ScaleResult {
  versions: number;
  /** Compare views built (/history/compare/<older>...<newer>/), and their bytes. */
  comparePages: Summary;
  compareBytes: Summary;
}

/** The compare views a built site holds: each pair's folder under /history/compare/, and their bytes. */
export function compareViews(siteDir: string): { pages: number; bytes: number } {
  const dir = path.join(siteDir, "history", "compare");
  if (!existsSync(dir)) return { pages: 0, bytes: 0 };
  const pairs = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return { pages: pairs.length, bytes: outputSize(dir).bytes };
}

export interface HistoryOptions {
  /** The real policy's content folder, copied from. */
  contentDir: string;
  runs: number;
  /** A folder the benchmark owns; everything written here is removed by the caller. */
  workDir: string;
  sections?: number;
  versions?: number;
  log?: (line: string) => void;
}

/** Builds a synthetic policy with a long history `runs` times, each cold, as the scale runs are built. */
export async function measureHistory(options: HistoryOptions): Promise<HistoryResult> {
  const { sections = HISTORY_CASE.sections, versions = HISTORY_CASE.versions } = options;
  const root = path.join(options.workDir, `history-${sections}x${versions}`);
  const { contentDir, historyDir } = writeSyntheticHistory(options.contentDir, sections, versions, root);
  const builds: BuildRun[] = [];
  const views: Array<{ pages: number; bytes: number }> = [];
  for (let run = 1; run <= options.runs; run++) {
    const outDir = path.join(options.workDir, `site-history-${run}`);
    builds.push(await measureBuild(contentDir, outDir, historyDir));
    views.push(compareViews(outDir));
    rmSync(outDir, { recursive: true, force: true });
    options.log?.(
      `  ${sections} sections × ${versions} versions, run ${run}/${options.runs}: ${Math.round(builds.at(-1)!.wallMs)} ms`,
    );
  }
  rmSync(root, { recursive: true, force: true });
  return {
    ...combineRuns(sections, builds),
    versions,
    comparePages: summarize(views.map((v) => v.pages)),
    compareBytes: summarize(views.map((v) => v.bytes)),
  };
}

/** The history case's row: what the build cost, and how much of the output its compare views are. */
export function historyTable(result: HistoryResult): string {
  const f = result.figures;
  const pairs = (result.versions * (result.versions - 1)) / 2;
  return markdownTable(
    [
      "policy",
      "compare views built",
      "wall",
      "CPU",
      "peak memory",
      "files",
      "output",
      "compare views",
      "search bundle",
    ],
    [
      [
        `${formatCount(result.sections)} sections, ${formatCount(result.versions)} versions`,
        `${formatCount(result.comparePages.median)} of ${formatCount(pairs)} pairs`,
        formatSummary(f.wallMs, formatMs),
        formatSummary(f.cpuMs, formatMs),
        formatSummary(f.peakRssBytes, formatBytes),
        formatCount(f.files.median),
        formatBytes(f.bytes.median),
        formatBytes(result.compareBytes.median),
        formatBytes(f.searchBytes.median),
      ],
    ],
  );
}
