/**
 * Every mistake a person can fix is reported the same way: where, what is wrong, what to do.
 * `file:line: problem` then `  → fix`. A command prints these without a stack trace.
 */

/** A mistake in the policy's content: names the file, the line where one applies, and what to do. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;
  readonly hint: string;

  constructor(file: string, problem: string, hint: string, line?: number) {
    super(formatContentError(file, problem, hint, line));
    this.name = "ContentError";
    this.file = file;
    this.line = line;
    this.problem = problem;
    this.hint = hint;
  }
}

export function formatContentError(file: string, problem: string, hint: string, line?: number): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return `${where}: ${problem}\n  → ${hint}`;
}

/** A command-line flag or environment variable that cannot be used: exits 2, as usage errors do. */
export class UsageError extends Error {
  constructor(problem: string, fix: string) {
    super(`${problem}\n  → ${fix}`);
    this.name = "UsageError";
  }
}

/** How many problems a report lists before it says how many more there are. */
export const PROBLEMS_SHOWN = 25;

/** Sorts problems by file, then line (a problem without a line first in its file). */
export function sortProblems(problems: readonly ContentError[]): ContentError[] {
  return [...problems].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/**
 * Every content mistake found in one pass, so an editor fixes them all from one build: sorted by
 * file and line, the first PROBLEMS_SHOWN listed, then how many more there are.
 */
export class ContentErrors extends Error {
  readonly errors: ContentError[];

  constructor(errors: readonly ContentError[]) {
    const sorted = sortProblems(errors);
    const shown = sorted.slice(0, PROBLEMS_SHOWN).map((e) => e.message);
    const more = sorted.length - shown.length;
    const count = `${sorted.length} problem${sorted.length === 1 ? "" : "s"} in the content`;
    super([`${count}:`, ...shown, ...(more > 0 ? [`… and ${more} more.`] : [])].join("\n"));
    this.name = "ContentErrors";
    this.errors = sorted;
  }
}

/** Flattens what a stage threw into the content problems it holds; anything else is rethrown. */
export function contentProblemsOf(error: unknown): ContentError[] {
  if (error instanceof ContentErrors) return error.errors;
  if (error instanceof ContentError) return [error];
  throw error;
}

/** One failed check: what it checks, what it found, and where to fix it. */
export interface CheckFailure {
  check: string;
  problems: string[];
  hint: string;
}

/** A built site that must not be published; the message lists every problem found. */
export class SiteCheckError extends Error {
  readonly failures: CheckFailure[];

  constructor(failures: CheckFailure[]) {
    super(formatFailures(failures));
    this.name = "SiteCheckError";
    this.failures = failures;
  }
}

export function formatFailures(failures: readonly CheckFailure[]): string {
  const count = failures.reduce((n, f) => n + f.problems.length, 0);
  const blocks = failures.map((f) => [`${f.check}:`, ...f.problems.map((p) => `  - ${p}`), `  → ${f.hint}`].join("\n"));
  return `the built site failed its post-build checks (${count} problem${count === 1 ? "" : "s"}):\n${blocks.join("\n")}`;
}
