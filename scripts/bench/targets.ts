import type { CommandTimes } from "./commands.ts";
import type { DevLoopResult } from "./dev-loop.ts";
import { formatBytes, formatMs } from "./format.ts";
import type { HistoryResult } from "./history-case.ts";
import { type PdfStepResult, pdfTargetRow } from "./pdf-step.ts";
import type { PageCost } from "./reader-cost.ts";
import type { ScaleResult } from "./scale.ts";
import type { SearchTransfer } from "./search-transfer.ts";
import { median } from "./stats.ts";

/** What the targets are judged on; any part may be missing when the run skipped it. */
export interface TargetInputs {
  scale: ScaleResult[];
  pages?: PageCost[];
  search?: SearchTransfer[];
  dev?: DevLoopResult;
  pdf?: PdfStepResult[];
  commands?: CommandTimes;
  history?: HistoryResult;
}

export interface TargetRow {
  figure: string;
  target: string;
  measured: string;
  /** undefined when the run did not measure it. */
  met?: boolean;
}

const KB = 1024;
const GB = 1024 ** 3;

/** The largest section page: the target must hold for every one of them. */
export const heaviestSectionPage = (pages: readonly PageCost[]): PageCost | undefined =>
  pages.filter((page) => page.label.startsWith("section")).sort((a, b) => b.firstRender.gzip - a.firstRender.gzip)[0];

function limit(
  figure: string,
  target: string,
  value: number | undefined,
  max: number,
  show: (v: number) => string,
): TargetRow {
  return value === undefined
    ? { figure, target, measured: "not measured" }
    : { figure, target, measured: show(value), met: value <= max };
}

/** Each target of the issue, against what was measured (gzip for transfers, medians for times). */
export function evaluateTargets(inputs: TargetInputs): TargetRow[] {
  const size = (sections: number) => inputs.scale.find((result) => result.sections === sections)?.figures;
  const section = inputs.pages && heaviestSectionPage(inputs.pages);
  const query = (site: string) => inputs.search?.find((search) => search.site === site)?.first.total.gzip;
  const rows: TargetRow[] = [];
  rows.push(
    section
      ? {
          figure: `Section page to first render (heaviest, ${section.sitePath})`,
          target: "≤ 6 KB gzip, no JS needed",
          measured: `${formatBytes(section.firstRender.gzip)} gzip to first render (HTML and the render-blocking ${section.blocking.length === 1 ? "file" : "files"}); ${formatBytes(section.htmlCssJs.gzip)} with the deferred script; ${section.readableWithoutJs ? "same text without JS" : "text differs without JS"}`,
          met: section.firstRender.gzip <= 6 * KB && section.readableWithoutJs,
        }
      : { figure: "Section page to first render", target: "≤ 6 KB gzip, no JS needed", measured: "not measured" },
  );
  rows.push(limit("First query, real site", "≤ 120 KB", query("real site"), 120 * KB, (v) => `${formatBytes(v)} gzip`));
  rows.push(
    limit(
      "First query, 10,000 sections",
      "≤ 300 KB",
      query("10,000 sections"),
      300 * KB,
      (v) => `${formatBytes(v)} gzip`,
    ),
  );
  rows.push(limit("Cold build, 1,000 sections", "≤ 5 s", size(1000)?.wallMs.median, 5000, formatMs));
  rows.push(limit("Cold build, 10,000 sections", "≤ 40 s", size(10_000)?.wallMs.median, 40_000, formatMs));
  const peak = Math.max(0, ...inputs.scale.map((result) => result.figures.peakRssBytes.max));
  rows.push(
    limit(
      "Peak memory of the build (any size, worst run)",
      "≤ 1 GB",
      inputs.scale.length ? peak : undefined,
      GB,
      formatBytes,
    ),
  );
  const medianOf = (values?: number[]): number | undefined => (values?.length ? median(values) : undefined);
  rows.push(
    limit(
      "`npm run build` of the real policy, from the shell",
      "≤ 1.5 s",
      medianOf(inputs.commands?.buildMs),
      1500,
      formatMs,
    ),
    limit(
      "`npm run check` of the real policy, from the shell",
      "≤ 1 s",
      medianOf(inputs.commands?.checkMs),
      1000,
      formatMs,
    ),
    limit("`npm start` to the first page served", "≤ 3 s", medianOf(inputs.dev?.startToFirstPageMs), 3000, formatMs),
    limit("Dev rebuild: save to served page", "≤ 300 ms", medianOf(inputs.dev?.savedToServedMs), 300, formatMs),
  );
  rows.push(pdfTargetRow(inputs.pdf));
  rows.push(...historyTargets(inputs.history));
  return rows;
}

/** A long history against the targets the issue holds it to: the 1,000-section build time and the memory limit. */
export function historyTargets(history?: HistoryResult): TargetRow[] {
  const policy = history ? `${history.sections} sections with ${history.versions} versions` : "a long history";
  const f = history?.figures;
  return [
    limit(`Cold build, ${policy} (the 1,000-section target)`, "≤ 5 s", f?.wallMs.median, 5000, formatMs),
    limit(`Peak memory, ${policy} (worst run)`, "≤ 1 GB", f?.peakRssBytes.max, GB, formatBytes),
  ];
}
