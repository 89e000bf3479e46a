import type { BenchOptions } from "./args.ts";
import type { CommandTimes } from "./commands.ts";
import { buildBreakdownTable, commandsTable } from "./commands-report.ts";
import type { DevLoopResult } from "./dev-loop.ts";
import { formatBytes, formatCount, formatMs, formatRatio, formatSummary, markdownTable } from "./format.ts";
import { type HistoryResult, historyTable } from "./history-case.ts";
import { type Machine, PROBE_FOLDERS } from "./machine.ts";
import { HISTORY_METHOD, METHOD } from "./method.ts";
import { PDF_METHOD, type PdfStepResult, pdfTable } from "./pdf-step.ts";
import type { PageCost } from "./reader-cost.ts";
import { type ReaderSearch, readerSearchReport, readerSearchTargets } from "./reader-search.ts";
import type { ScaleResult } from "./scale.ts";
import type { SearchTransfer } from "./search-transfer.ts";
import { growthRatio, median } from "./stats.ts";
import { evaluateTargets } from "./targets.ts";
import type { Transfer } from "./transfer.ts";

export interface BenchResults {
  options: BenchOptions;
  machine: Machine;
  /** The real policy, built the same way as the synthetic ones. */
  real?: ScaleResult;
  scale: ScaleResult[];
  pages?: PageCost[];
  search?: SearchTransfer[];
  /** Readers' questions: recall on the real site, and a question's transfer on each site. */
  readerSearch?: ReaderSearch[];
  dev?: DevLoopResult;
  /** `npm run build` and `npm run check`, timed from the shell. */
  commands?: CommandTimes;
  browser?: string;
  /** `npm run build -- --pdf`: the PDF step (scripts/bench/pdf-step.ts). */
  pdf?: PdfStepResult[];
  /** A synthetic policy with a long history (scripts/bench/history-case.ts). */
  history?: HistoryResult;
}

const bytes = (transfer: Transfer): string => `${formatBytes(transfer.raw)} / ${formatBytes(transfer.gzip)}`;

export function machineLine(machine: Machine, options: BenchOptions, browser?: string): string {
  const load =
    machine.loadAtEnd === undefined
      ? machine.loadAtStart.toFixed(1)
      : `${machine.loadAtStart.toFixed(1)} at the start, ${machine.loadAtEnd.toFixed(1)} at the end`;
  return [
    `Measured ${machine.date} with \`npm run bench${options.quick ? " -- --quick" : options.historyOnly ? " -- --history-only" : ""}\` (${options.runs} run${options.runs > 1 ? "s" : ""} per size).`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} memory, ${machine.os}, Node ${machine.node}${browser ? `, Chromium ${browser}` : ""}.`,
    `One-minute load average: ${load} (the machine is shared: wall times above the CPU times mean the build waited for a core).`,
    ...(machine.diskMs === undefined
      ? []
      : [
          `Disk: creating ${formatCount(PROBE_FOLDERS)} folders with a 7 KB file each in the work folder took ${formatMs(machine.diskMs)} (a build writes as many).`,
        ]),
  ].join("\n");
}

export function targetsTable(results: BenchResults): string {
  const rows = [
    ...evaluateTargets({
      scale: results.scale,
      pages: results.pages,
      search: results.search,
      dev: results.dev,
      pdf: results.pdf,
      commands: results.commands,
      history: results.history,
    }),
    ...readerSearchTargets(results.readerSearch),
  ];
  const verdict = (met?: boolean): string => (met === undefined ? "–" : met ? "met" : "**missed**");
  return markdownTable(
    ["figure", "target", "measured", ""],
    rows.map((row) => [row.figure, row.target, row.measured, verdict(row.met)]),
    4,
  );
}

export function scaleTable(results: ScaleResult[], real?: ScaleResult): string {
  const rows = [...(real ? [real] : []), ...results].map((result, index, all) => {
    const f = result.figures;
    const previous = index > 0 && (real === undefined || index > 1) ? all[index - 1].figures.wallMs.median : undefined;
    return [
      real === result ? `${formatCount(result.sections)} (the real policy)` : formatCount(result.sections),
      formatSummary(f.wallMs, formatMs),
      formatSummary(f.cpuMs, formatMs),
      formatSummary(f.peakRssBytes, formatBytes),
      formatCount(f.files.median),
      formatBytes(f.bytes.median),
      formatBytes(f.searchBytes.median),
      formatMs(f.wallMs.median / result.sections),
      formatMs(f.cpuMs.median / result.sections),
      formatRatio(growthRatio(previous, f.wallMs.median)),
    ];
  });
  return markdownTable(
    [
      "sections",
      "wall",
      "CPU",
      "peak memory",
      "files",
      "output",
      "search bundle",
      "wall / section",
      "CPU / section",
      "wall growth",
    ],
    rows,
  );
}

const STEP_LABELS: Record<string, string> = {
  startup: "Start-up: Node, the compiled build, loading Eleventy and our modules",
  content: "Ours: read, check and render the policy and its history (src/content/, src/render/, src/history/)",
  eleventy: "Eleventy: data, Nunjucks templates, our filters, writing HTML and assets",
  "search-index": "Pagefind: index the pages, write the bundle (less the checks, which read each page meanwhile)",
  checks: "Ours: post-build checks (links and anchors, unique ids, nothing inline; src/checks/)",
  swap: "Ours: swap the staged site into place",
};

export function stepsTable(
  results: ScaleResult[],
  label = (result: ScaleResult) => `${formatCount(result.sections)} sections`,
): string {
  const names = Object.keys(STEP_LABELS).filter((name) => results.some((result) => name in result.steps));
  const rows = names.map((name) => [STEP_LABELS[name], ...results.map((result) => formatMs(result.steps[name] ?? 0))]);
  return markdownTable(["step (median)", ...results.map(label)], rows);
}

export function eleventyTable(results: ScaleResult[], top = 8): string {
  const names = [...new Set(results.flatMap((result) => result.eleventy.slice(0, top).map((entry) => entry.name)))];
  const rows = names.map((name) => [
    name,
    ...results.map((result) => {
      const entry = result.eleventy.find((candidate) => candidate.name === name);
      return entry ? `${formatMs(entry.ms)} (${formatCount(entry.count)}×)` : "–";
    }),
  ]);
  return markdownTable(
    ["Eleventy's own benchmark", ...results.map((result) => `${formatCount(result.sections)} sections`)],
    rows,
  );
}

export function pagesTable(pages: PageCost[]): string {
  const rows = pages.map((page) => [
    `${page.label} \`${page.sitePath}\``,
    String(page.requests),
    bytes(page.html),
    bytes(page.css),
    bytes(page.js),
    `${bytes(page.firstRender)} / ${formatBytes(page.firstRender.brotli)}`,
    `${bytes(page.htmlCssJs)} / ${formatBytes(page.htmlCssJs.brotli)}`,
    page.readableWithoutJs ? "none" : `${formatBytes(page.js.gzip)} gzip (search needs JS)`,
  ]);
  const headers = [
    "page",
    "requests",
    "HTML raw / gzip",
    "CSS raw / gzip",
    "JS raw / gzip",
    "to first render raw / gzip / brotli",
    "HTML + CSS + JS raw / gzip / brotli",
    "JS needed to read",
  ];
  return markdownTable(headers, rows);
}

export function searchTable(searches: SearchTransfer[]): string {
  const kinds = ["html", "css", "js", "search-code", "search-index", "search-fragment"] as const;
  const rows = searches.flatMap((search) =>
    (["first", "second"] as const).map((which) => {
      const query = search[which];
      const part = (kind: (typeof kinds)[number]): string => formatBytes(query.byKind[kind]?.gzip ?? 0);
      return [
        `${search.site}: ${which} query “${query.query}” (${query.results})`,
        String(query.requests),
        `${formatBytes(query.total.raw)} / ${formatBytes(query.total.gzip)} / ${formatBytes(query.total.brotli)}`,
        formatBytes(
          (query.byKind.html?.gzip ?? 0) +
            (query.byKind.css?.gzip ?? 0) +
            (query.byKind.js?.gzip ?? 0) +
            (query.byKind.other?.gzip ?? 0),
        ),
        part("search-code"),
        part("search-index"),
        part("search-fragment"),
      ];
    }),
  );
  return markdownTable(
    ["query", "requests", "raw / gzip / brotli", "page (gzip)", "Pagefind code", "index", "fragments"],
    rows,
  );
}

export function devTable(dev: DevLoopResult): string {
  const rows = dev.savedToServedMs.map((ms, index) => [
    `edit ${index + 1}`,
    formatMs(ms),
    dev.rebuildMs[index] === undefined ? "–" : formatMs(dev.rebuildMs[index]),
  ]);
  rows.push([
    "**median**",
    formatMs(median(dev.savedToServedMs)),
    dev.rebuildMs.length ? formatMs(median(dev.rebuildMs)) : "–",
  ]);
  return markdownTable(["edit", "saved → changed page served", "the dev server's build (its own figure)"], rows);
}

/** The generated part of docs/performance.md. */
export function renderReport(results: BenchResults): string {
  const parts = [
    machineLine(results.machine, results.options, results.browser),
    "### Against the targets",
    targetsTable(results),
  ];
  if (results.commands || results.dev)
    parts.push("### Commands as you run them", commandsTable(results.commands, results.dev));
  if (results.commands && results.real) parts.push(buildBreakdownTable(results.commands, results.real));
  if (results.scale.length) {
    parts.push("### Build cost as the policy grows", scaleTable(results.scale, results.real));
    const breakdown = results.scale.filter((result) => result.sections >= 1000);
    const shown = breakdown.length ? breakdown : results.scale.slice(-1);
    parts.push("### Where the build time goes", stepsTable(shown), eleventyTable(shown));
  }
  if (results.history) {
    const { history } = results;
    parts.push(
      "### Build cost as the history grows",
      historyTable(history),
      stepsTable([history], () => `${history.sections} sections, ${history.versions} versions`),
    );
  }
  if (results.pages) parts.push("### Reader cost on the real site", pagesTable(results.pages));
  if (results.search) parts.push("### Search transfer", searchTable(results.search));
  if (results.readerSearch) parts.push("### Search on readers' questions", readerSearchReport(results.readerSearch));
  if (results.dev) parts.push("### Dev loop (`npm start`)", devTable(results.dev));
  if (results.pdf) parts.push("### PDFs (`npm run build -- --pdf`)", pdfTable(results.pdf));
  parts.push("### How each figure was taken", `${METHOD}\n${HISTORY_METHOD}\n${PDF_METHOD}`);
  return `${parts.join("\n\n")}\n`;
}

export const GENERATED_START = "<!-- bench:start — written by `npm run bench`; edit outside these markers -->";
export const GENERATED_END = "<!-- bench:end -->";

/** Puts a freshly generated report between the markers, keeping everything written outside them. */
export function replaceGenerated(existing: string | undefined, generated: string, title = "# Performance"): string {
  const block = `${GENERATED_START}\n${generated.trim()}\n${GENERATED_END}`;
  if (existing === undefined || !existing.includes(GENERATED_START) || !existing.includes(GENERATED_END)) {
    return `${title}\n\n${block}\n${existing ? `\n${existing.replace(/^# .*\n+/, "")}` : ""}`;
  }
  const before = existing.slice(0, existing.indexOf(GENERATED_START));
  const after = existing.slice(existing.indexOf(GENERATED_END) + GENERATED_END.length);
  return `${before}${block}${after}`;
}
