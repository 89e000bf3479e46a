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
