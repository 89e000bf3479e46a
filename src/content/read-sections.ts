import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { ContentError } from "../lib/problems.ts";
import { FRONT_MATTER_KEYS, type SectionFrontMatter, validateFrontMatter } from "./front-matter.ts";

/** One section file, read and checked, not yet rendered. */
export interface SourceSection extends SectionFrontMatter {
  /** The path as given to the reader (relative to the project when the caller passes one). */
  file: string;
  /** The Markdown after the front matter. */
  body: string;
  /** The line number in the file where the body starts, so body line numbers can be reported. */
  bodyLine: number;
}

/** Decodes bytes as UTF-8, refusing anything else; a BOM and CRLF line endings are accepted. */
export function decodeText(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError(
      file,
      "the file is not valid UTF-8",
      "Save it as UTF-8 (most editors offer this under “Save with encoding”); check the characters on this line.",
      firstInvalidLine(bytes),
    );
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** The 1-based line holding the first byte that is not UTF-8. A newline byte never occurs inside a UTF-8 sequence, so lines can be checked one by one. */
export function firstInvalidLine(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}

/** The line of the first listed key written in the front matter (a missing key has none), else 1. */
function keyLine(text: string, keys: Array<string | undefined>): number {
  const lines = text.split("\n");
  const end = lines.indexOf("---", 1);
  for (const key of keys) {
    const index = lines
      .slice(0, end === -1 ? undefined : end)
      .findIndex((l) => key !== undefined && (l.startsWith(`${key}:`) || l.startsWith(`"${key}":`)));
    if (index !== -1) return index + 1;
  }
  return 1;
}

/** Splits and validates front matter; pure, so every case can be tested without files. */
export function parseSection(file: string, text: string): SourceSection {
  if (text.trim() === "") {
    throw new ContentError(
      file,
      "the file is empty",
      'Give it front matter and the section\'s text (npm run new-section -- "Title" makes a correct start), or delete it.',
      1,
    );
  }
  if (!text.startsWith("---\n")) {
    throw new ContentError(
      file,
      "the file has no front matter",
      "Start it with a `---` block giving id, order and title (see docs/editing.md, “Front matter”).",
      1,
    );
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object skips gray-matter's cache, which would return stale results for equal text.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    // The YAML starts on line 2; an error at its very end is shown on its last line, not past the closing `---`.
    const lastLine = Math.max(2, text.split("\n").indexOf("---", 1));
    const line = mark?.line === undefined ? undefined : Math.min(mark.line + 2, lastLine);
    throw new ContentError(
      file,
      `the front matter is not valid YAML: ${reason}`,
      "Check the quoting and indentation between the `---` lines.",
      line,
    );
  }
  const result = validateFrontMatter(parsed.data);
  if (!result.ok) {
    throw new ContentError(
      file,
      `invalid front matter:\n  - ${result.problems.map((p) => p.message).join("\n  - ")}`,
      `Fix the listed keys; the allowed keys are ${FRONT_MATTER_KEYS.join(", ")} (see docs/editing.md, “Front matter”).`,
      keyLine(
        text,
        result.problems.map((p) => p.key),
      ),
    );
  }
  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  if (parsed.content.trim() === "") {
    throw new ContentError(
      file,
      "the section has no text",
      "Write the section's text below the front matter, or delete the file.",
      bodyLine,
    );
  }
  return { ...result.data, file, body: parsed.content, bodyLine };
}

/** Reads every `*.md` file of a content folder, in file-name order. */
export function readContentDir(dir: string, displayRoot = process.cwd()): SourceSection[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  if (names.length === 0) {
    throw new ContentError(
      path.relative(displayRoot, dir) || dir,
      "no section files were found",
      'Add one Markdown file per policy section (npm run new-section -- "Title").',
    );
  }
  return names.map((name) => {
    const full = path.join(dir, name);
    const file = path.relative(displayRoot, full);
    return parseSection(file, decodeText(file, readFileSync(full)));
  });
}
