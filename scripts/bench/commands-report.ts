import type { CommandTimes } from "./commands.ts";
import type { DevLoopResult } from "./dev-loop.ts";
import { formatMs, formatSummary, markdownTable } from "./format.ts";
import type { ScaleResult } from "./scale.ts";
import { median, summarize } from "./stats.ts";

/** The four figures an editor feels, each timed from the shell as they run the command. */
export function commandsTable(commands?: CommandTimes, dev?: DevLoopResult): string {
  const row = (what: string, values?: number[]): string[] =>
    values?.length
      ? [what, formatSummary(summarize(values), formatMs), String(values.length)]
      : [what, "not measured", "0"];
  return markdownTable(
    ["command", "median ± spread", "runs"],
    [
      row("`npm run build` (the real policy)", commands?.buildMs),
      row("`npm run check` (the real policy)", commands?.checkMs),
      row("`npm start` until the first page is served", dev?.startToFirstPageMs),
      row("`npm start`: a saved change until the changed page is served", dev?.savedToServedMs),
    ],
  );
}

const PARTS: Array<[step: string, label: string]> = [
  ["startup", "Start-up: Node, the compiled build (scripts/launch.js), Eleventy and our modules"],
  ["content", "Ours: read, check and render the policy and its history"],
  ["eleventy", "Eleventy: data, Nunjucks templates, our filters, writing HTML and assets"],
  ["search-index", "Pagefind: index the pages, write the bundle"],
  ["checks", "Ours: post-build checks"],
  ["swap", "Ours: swap the staged site into place"],
];

/**
 * `npm run build`'s wall time split into the build's own steps (measured in-process by
 * scripts/bench/build-child.ts, medians; start-up counts from Node's start) and the rest: npm
 * itself, Node's exit, and waiting for a core on a busy machine.
 */
export function buildBreakdownTable(commands: CommandTimes, real: ScaleResult): string {
  const total = median(commands.buildMs);
  const steps = PARTS.filter(([step]) => step in real.steps).map(([step, label]) => [label, real.steps[step]] as const);
  const measured = steps.reduce((sum, [, ms]) => sum + ms, 0);
  return markdownTable(
    ["part of `npm run build` (the real policy, medians)", "time"],
    [
      // The steps come from other runs (the cold builds); on a busy machine they can add up to more.
      [
        "npm run itself, Node's exit, waiting for a core (the rest)",
        total > measured ? formatMs(total - measured) : "–",
      ],
      ...steps.map(([label, ms]) => [label, formatMs(ms)]),
      ["**`npm run build`, from the shell**", `**${formatMs(total)}**`],
    ],
  );
}
