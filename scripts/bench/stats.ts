/** A figure measured several times: its median and how far the runs strayed from it. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** The spread as a share of the median: (max − min) / median; 0 for a single run. */
export function relativeSpread(summary: Summary): number {
  return summary.median === 0 ? 0 : (summary.max - summary.min) / summary.median;
}

/** How many times bigger `next` is than `previous`; undefined when there is nothing to compare to. */
export function growthRatio(previous: number | undefined, next: number): number | undefined {
  return previous === undefined || previous === 0 ? undefined : next / previous;
}

/** Summarizes each numeric field of several runs of the same measurement. */
export function summarizeRuns<K extends string>(
  runs: ReadonlyArray<Record<K, number>>,
  keys: readonly K[],
): Record<K, Summary> {
  return Object.fromEntries(keys.map((key) => [key, summarize(runs.map((run) => run[key]))])) as Record<K, Summary>;
}
