import { relativeSpread, type Summary } from "./stats.ts";

/** Bytes in binary units, as file managers and browsers' network panels show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-GB");
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? "–" : `×${ratio.toFixed(1)}`;
}

/** "1.23 s ±4%": the median, and the spread between the fastest and slowest run. */
export function formatSummary(summary: Summary, unit: (value: number) => string): string {
  if (summary.runs < 2) return unit(summary.median);
  return `${unit(summary.median)} ±${Math.round((relativeSpread(summary) * 100) / 2)}%`;
}

/**
 * A GitHub-flavoured Markdown table. Columns after the first `textColumns` are right-aligned,
 * because they hold figures.
 */
export function markdownTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  textColumns = 1,
): string {
  const escapeCell = (cell: string): string => cell.replace(/\|/g, "\\|");
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(" | ")} |`;
  const rule = headers.map((_, index) => (index < textColumns ? "---" : "---:"));
  return [line(headers), line(rule), ...rows.map(line)].join("\n");
}
