/**
 * Every mistake a person can fix is reported the same way: where, what is wrong, what to do.
 * `file:line: problem` then `  → fix`. A command prints these without a stack trace.
 */

/** A mistake in the policy's content: names the file, the line where one applies, and what to do. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly hint: string;

  constructor(file: string, problem: string, hint: string, line?: number) {
    super(formatContentError(file, problem, hint, line));
    this.name = "ContentError";
    this.file = file;
    this.line = line;
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
