import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "./lib/problems.ts";

/**
 * Every documented option, read in one place. Commands call these with their own `argv` and
 * `process.env`; nothing below `scripts/` reads the environment. docs/deploying.md, "Options", lists them.
 */

/** The project root, where `.eleventy.ts`, `pages/`, `layouts/`, `assets/` and `content/` live. */
export const projectRoot = path.resolve(import.meta.dirname, "..");

/** Where the policy comes from and how the site is addressed: what every command needs. */
export interface SiteOptions {
  /** The current policy's section files and site.json (`POLICY_CONTENT_DIR`, default `content`). */
  contentDir: string;
  /** Earlier versions, one `YYYY-MM-DD/` folder each (`POLICY_HISTORY_DIR`, default `history`). */
  historyDir: string;
  /** The public origin (`SITE_URL`); unset means `siteUrl` in site.json. */
  siteUrl?: string;
  /** Where the site is mounted on its host (`PATH_PREFIX`): "/" or "/privacy/". */
  pathPrefix: string;
  /**
   * The day the build treats as today (`POLICY_TODAY`, YYYY-MM-DD, default the real date in UTC):
   * it decides which version is in force and which are announced ahead, so the same content and
   * the same day always build the same site.
   */
  today: string;
}

/**
 * What a build is for, which decides how the version lock is applied (src/content/lock-check.ts):
 * a `preview` (`npm start`) shows edits to published text as warnings; an everyday `build`
 * refuses them; a `release` (`--release`, the build that is deployed) also refuses any version
 * or id the lock has not recorded.
 */
export type BuildPurpose = "preview" | "build" | "release";

export interface BuildOptions extends SiteOptions {
  /** Where the finished site goes (`OUTPUT_DIR`, default `dist`); replaced only when every step succeeded. */
  outDir: string;
  /** html-validate on every page (`--validate-html`, and `--release`). */
  validateHtml: boolean;
  /** A PDF of each section, the whole policy and every version, linked from their pages (`--pdf`); off unless asked for. */
  pdf?: boolean;
  /** The PDFs' paper (`PDF_PAPER`, default A4); printing from a browser uses the reader's own. */
  pdfPaper?: PdfPaper;
  /** Default "build". */
  purpose?: BuildPurpose;
}

export const PDF_PAPERS = ["A4", "Letter"] as const;
export type PdfPaper = (typeof PDF_PAPERS)[number];

export interface ServeOptions extends SiteOptions {
  outDir: string;
  /** `PORT`, default 8080. */
  port: number;
}

type Env = Record<string, string | undefined>;

const fromRoot = (value: string | undefined, fallback: string): string => path.resolve(projectRoot, value || fallback);

/** "/", "privacy", "/privacy" and "/privacy/" all mean the same mount point; anything else is refused. */
export function normalizePathPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  if (!/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new UsageError(
      `PATH_PREFIX "${raw}" is not a URL path`,
      'Use letters, digits, ".", "_", "~", "-" and "/", e.g. PATH_PREFIX=/privacy/ (or leave it unset for the root of the host).',
    );
  }
  return `/${trimmed}/`;
}

/** The public origin, e.g. https://example.com, without a trailing slash; `name` says where it came from. */
export function normalizeSiteUrl(raw: string, name = "SITE_URL"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `${name} "${raw}" is not an absolute URL`,
      "Give the origin with its scheme, e.g. https://example.com",
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new UsageError(
      `${name} "${raw}" is not an http(s) origin`,
      "Give only the scheme and host, e.g. https://example.com, and put a path in PATH_PREFIX.",
    );
  }
  return url.origin;
}

/** Today's date, YYYY-MM-DD in UTC, whatever the clock's zone. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** `POLICY_TODAY`: a calendar date written YYYY-MM-DD; unset means the real date in UTC. */
export function readToday(raw: string | undefined, now = new Date()): string {
  if (!raw) return todayUtc(now);
  const text = raw.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(text)) {
    throw new UsageError(
      `POLICY_TODAY "${raw}" is not a date written YYYY-MM-DD`,
      "Give the day the build should treat as today, e.g. POLICY_TODAY=2027-03-01, or leave it unset for the real date.",
    );
  }
  return text;
}

/** The options every command shares, from the environment. */
export function readSiteOptions(env: Env): SiteOptions {
  return {
    contentDir: fromRoot(env.POLICY_CONTENT_DIR, "content"),
    historyDir: fromRoot(env.POLICY_HISTORY_DIR, "history"),
    siteUrl: env.SITE_URL ? normalizeSiteUrl(env.SITE_URL) : undefined,
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
    today: readToday(env.POLICY_TODAY),
  };
}

export const BUILD_USAGE = `Usage: npm run build [-- [--release | --validate-html] [--pdf]]
  --release         the build to deploy: HTML validated, and every version and id recorded
  --validate-html   also check every page with html-validate
  --pdf             also make a PDF of each section, the whole policy and every version, linked
                    from their pages (needs the full install, npm ci, for its Chromium)
  --help            show this help
Environment: SITE_URL, PATH_PREFIX, OUTPUT_DIR, POLICY_CONTENT_DIR, POLICY_HISTORY_DIR, POLICY_TODAY, PDF_PAPER (docs/deploying.md, "Options").`;

/** `PDF_PAPER`: "A4" (the default) or "Letter", in any case. */
export function readPdfPaper(raw: string | undefined): PdfPaper {
  if (!raw) return "A4";
  const paper = PDF_PAPERS.find((p) => p.toLowerCase() === raw.trim().toLowerCase());
  if (!paper) {
    throw new UsageError(
      `PDF_PAPER "${raw}" is not a paper size the PDFs are made in`,
      "Use PDF_PAPER=A4 or PDF_PAPER=Letter.",
    );
  }
  return paper;
}

/**
 * `npm run build --validate-html` (without `--`) hands the flag to npm, not to the build: npm
 * sets `npm_config_validate_html` and passes nothing on. Refused, so a deploy never skips a check
 * it asked for. https://docs.npmjs.com/cli/v11/commands/npm-run-script
 */
function refuseFlagsGivenToNpm(env: Env, flags: string[], script = "build"): void {
  for (const flag of flags) {
    if (env[`npm_config_${flag.replaceAll("-", "_")}`] === undefined) continue;
    throw new UsageError(
      `--${flag} was given to npm, not to the ${script}`,
      `Put \`--\` before the ${script}'s own flags: npm run ${script} -- --${flag}`,
    );
  }
}

/** Parses flags with node:util; an unknown flag or a stray argument is a usage error. */
function parseFlags<T extends Record<string, { type: "boolean" | "string"; multiple?: boolean }>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean" } }, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0], usage.replace(/\n/g, "\n    "));
  }
}

/** `npm run build` options; `help` is true when the reader asked for the usage text. */
export function readBuildOptions(argv: string[], env: Env): BuildOptions & { help: boolean } {
  const { values } = parseFlags(
    argv,
    { "validate-html": { type: "boolean" }, release: { type: "boolean" }, pdf: { type: "boolean" } },
    BUILD_USAGE,
  );
  refuseFlagsGivenToNpm(env, ["validate-html", "release", "pdf"]);
  const release = values.release === true;
  return {
    ...readSiteOptions(env),
    outDir: fromRoot(env.OUTPUT_DIR, "dist"),
    validateHtml: release || values["validate-html"] === true,
    purpose: release ? "release" : "build",
    pdf: values.pdf === true,
    pdfPaper: readPdfPaper(env.PDF_PAPER),
    help: values.help === true,
  };
}

export const CHECK_USAGE = `Usage: npm run check [-- --release]
  Checks content/ and history/ as the build does, without building the site: the same
  file:line: problem → fix lines and exit codes (1 for a content problem, 2 for a usage mistake).
  --release         check as the build to deploy does: every version and id recorded
  --help            show this help
Environment: POLICY_CONTENT_DIR, POLICY_HISTORY_DIR, SITE_URL, PATH_PREFIX (docs/deploying.md, "Options").`;

/** `npm run check` options: only what the content stage reads, and which build it checks as. */
export function readCheckOptions(argv: string[], env: Env): SiteOptions & { purpose: BuildPurpose; help: boolean } {
  const { values } = parseFlags(argv, { release: { type: "boolean" } }, CHECK_USAGE);
  refuseFlagsGivenToNpm(env, ["release"], "check");
  return { ...readSiteOptions(env), purpose: values.release ? "release" : "build", help: values.help === true };
}

export const START_USAGE = `Usage: PORT=8080 npm start
  Builds the site, serves it with live reload and builds again on every change (docs/editing.md).
  --help            show this help
Environment: PORT (0 picks a free one), OUTPUT_DIR, POLICY_CONTENT_DIR, POLICY_HISTORY_DIR, SITE_URL, PATH_PREFIX (docs/deploying.md, "Options").`;

/** `npm start` options; it takes no flags, so `npm start -- --port 8081` is refused rather than ignored. */
export function readServeOptions(argv: string[], env: Env): ServeOptions & { help: boolean } {
  const { values } = parseFlags(argv, {}, START_USAGE);
  const port = Number(env.PORT || "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `PORT "${env.PORT}" is not a port number`,
      "Give a whole number from 1 to 65535, e.g. PORT=8081.",
    );
  }
  return { ...readSiteOptions(env), outDir: fromRoot(env.OUTPUT_DIR, "dist"), port, help: values.help === true };
}

export const NEW_SECTION_USAGE = `Usage: npm run new-section -- "Title" [--id short-id] [--content-dir dir]`;

/** `npm run new-section` options: the title, an id other than the title's slug, another content folder. */
export function readNewSectionOptions(argv: string[], env: Env): { title: string; id?: string; contentDir: string } {
  let parsed: { values: { id?: string; "content-dir"?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { id: { type: "string" }, "content-dir": { type: "string" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0], NEW_SECTION_USAGE);
  }
  const { values, positionals } = parsed;
  const contentDir = values["content-dir"] ? path.resolve(values["content-dir"]) : readSiteOptions(env).contentDir;
  return { title: positionals.join(" "), id: values.id, contentDir };
}

export const NEW_VERSION_USAGE = `Usage: npm run new-version -- --date YYYY-MM-DD --summary "What changed" [--note "id=Why it changed"]…
  --date      the day the new version takes effect: a later day announces it ahead, and the version
              before stays in force until then; the current effective date records, as they are,
              the versions not yet recorded
  --summary   what changed, in one line (needed for a new date)
  --note      what changed in one section and why, as the section's id, "=", then one line; once
              per section (or write them in site.json under changeNotes)
Environment: POLICY_CONTENT_DIR, POLICY_HISTORY_DIR, POLICY_TODAY (docs/editing.md, "Versions and history").`;

/** `npm run new-version` options: the new effective date, its one-line summary and its notes per section. */
export function readNewVersionOptions(
  argv: string[],
  env: Env,
): SiteOptions & { date: string; summary?: string; notes: string[]; help: boolean } {
  const { values } = parseFlags(
    argv,
    { date: { type: "string" }, summary: { type: "string" }, note: { type: "string", multiple: true } },
    NEW_VERSION_USAGE,
  );
  const help = values.help === true;
  if (!values.date && !help) throw new UsageError("--date is missing", NEW_VERSION_USAGE.replace(/\n/g, "\n    "));
  return { ...readSiteOptions(env), date: values.date ?? "", summary: values.summary, notes: values.note ?? [], help };
}

export const CORRECT_USAGE = `Usage: npm run correct -- --note "What was corrected" [--date YYYY-MM-DD]
  --note   what the correction fixes, in one line, as /history/ shows it
  --date   the day of the correction (default: today)
Environment: POLICY_CONTENT_DIR, POLICY_HISTORY_DIR, POLICY_TODAY (docs/editing.md, "Versions and history").`;

/** `npm run correct` options: what was corrected, and when. */
export function readCorrectOptions(
  argv: string[],
  env: Env,
): SiteOptions & { note: string; date?: string; help: boolean } {
  const { values } = parseFlags(argv, { note: { type: "string" }, date: { type: "string" } }, CORRECT_USAGE);
  const help = values.help === true;
  if (!values.note && !help) throw new UsageError("--note is missing", CORRECT_USAGE.replace(/\n/g, "\n    "));
  return { ...readSiteOptions(env), note: values.note ?? "", date: values.date, help };
}

export const SCREENSHOTS_USAGE = `Usage: npm run screenshots [-- --content-dir dir] [--history-dir dir] [--out-dir dir] [--query words]
  --content-dir   the policy to build (default: POLICY_CONTENT_DIR, else content/), e.g. tests/fixtures/kitchen-sink/content
  --history-dir   its earlier versions (default: the history/ folder beside a --content-dir, else POLICY_HISTORY_DIR or history/)
  --out-dir       where the PNGs and PDFs go (default: screenshots/)
  --query         what the search results page searches for (default: cookies)`;

export interface ScreenshotOptions extends SiteOptions {
  outDir: string;
  query: string;
  help: boolean;
}

/** `npm run screenshots` options: the real policy by default, or any content folder (a fixture) with its history. */
export function readScreenshotOptions(argv: string[], env: Env): ScreenshotOptions {
  const { values } = parseFlags(
    argv,
    {
      "content-dir": { type: "string" },
      "history-dir": { type: "string" },
      "out-dir": { type: "string" },
      query: { type: "string" },
    },
    SCREENSHOTS_USAGE,
  );
  const site = readSiteOptions(env);
  const contentDir = values["content-dir"] ? path.resolve(values["content-dir"]) : site.contentDir;
  const besideContent = values["content-dir"] ? path.join(contentDir, "..", "history") : site.historyDir;
  return {
    ...site,
    contentDir,
    historyDir: values["history-dir"] ? path.resolve(values["history-dir"]) : besideContent,
    outDir: values["out-dir"] ? path.resolve(values["out-dir"]) : path.join(projectRoot, "screenshots"),
    query: values.query || "cookies",
    help: values.help === true,
  };
}
