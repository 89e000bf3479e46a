import { parseArgs } from "node:util";

export interface BenchOptions {
  quick: boolean;
  /** Policy sizes to build, in sections. */
  sizes: number[];
  /** Cold builds per size (and edits in the dev loop). */
  runs: number;
  /** Markdown report to write, or undefined to only print it. */
  out?: string;
  /** Raw results as JSON, for tools and the harness's own test. */
  json?: string;
  browser: boolean;
  dev: boolean;
  /** The long history (20 sections, 50 versions): in a full run, or alone. */
  history: boolean;
  historyOnly: boolean;
  /** Print the usage and measure nothing. */
  help: boolean;
}

export const FULL_SIZES = [10, 100, 1000, 10_000];
export const QUICK_SIZES = [10, 100];
export const DEFAULT_OUT = "docs/performance.md";

export const USAGE = `npm run bench -- [options]
  --quick          10 and 100 sections, 1 run, no 10,000-section search; prints only (unless --out)
  --runs N         cold builds per size and edits in the dev loop (default 3)
  --sizes A,B,…    policy sizes in sections (default 10,100,1000,10000)
  --out FILE       where to write the report (default ${DEFAULT_OUT})
  --no-write       print the report without writing it
  --json FILE      also write the raw figures as JSON
  --no-browser     skip page weight, search transfer and the PDF step
  --no-dev         skip the npm start edit loop
  --no-history     skip the long history (20 sections, 50 versions; never in --quick)
  --history-only   only the long history, --runs times; prints only (unless --out)
  --help           print this and measure nothing`;

const positiveInt = (flag: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} needs a whole number of at least 1, not "${text}"`);
  return value;
};

/** Reads the command line; throws with the reason on anything it does not understand. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean", default: false },
      runs: { type: "string" },
      sizes: { type: "string" },
      out: { type: "string" },
      "no-write": { type: "boolean", default: false },
      json: { type: "string" },
      "no-browser": { type: "boolean", default: false },
      "no-dev": { type: "boolean", default: false },
      "no-history": { type: "boolean", default: false },
      "history-only": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const historyOnly = values["history-only"];
  if (historyOnly && values["no-history"]) throw new Error("--history-only and --no-history contradict each other");
  const quick = values.quick;
  const sizes = values.sizes
    ? values.sizes.split(",").map((size) => positiveInt("--sizes", size.trim()))
    : quick
      ? QUICK_SIZES
      : FULL_SIZES;
  return {
    quick,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs: values.runs ? positiveInt("--runs", values.runs) : quick ? 1 : 3,
    // A partial run never overwrites the full report unless asked to.
    out: values["no-write"] ? undefined : (values.out ?? (quick || historyOnly ? undefined : DEFAULT_OUT)),
    json: values.json,
    browser: !values["no-browser"],
    dev: !values["no-dev"],
    history: historyOnly || (!quick && !values["no-history"]),
    historyOnly,
    help: values.help,
  };
}
