import { ContentError } from "../lib/problems.ts";
import { FRONT_MATTER_KEYS, type SectionFrontMatter, validateFrontMatter } from "./front-matter.ts";
import { FRONT_MATTER_KINDS } from "./front-matter-keys.ts";
import { readPlainFrontMatter } from "./front-matter-plain.ts";
import { frontMatterValues } from "./front-matter-values.ts";
import { parseFrontMatterYaml } from "./front-matter-yaml.ts";
import { ID_PATTERN } from "./ids.ts";

/** A section file cut at its front matter: the YAML between the `---` lines, and the Markdown after. */
export interface SplitFile {
  yaml: string;
  /** The file line of the YAML's first line (2). */
  yamlLine: number;
  body: string;
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Cuts a section file at its `---` lines; a file without front matter is a problem at line 1. */
export function splitFrontMatter(file: string, text: string): SplitFile | ContentError {
  if (text.trim() === "") {
    return new ContentError(
      file,
      "the file is empty",
      'Give it front matter and the section\'s text (npm run new-section -- "Title" makes a correct start), or delete it.',
      1,
    );
  }
  const lines = text.split("\n");
  if (!FENCE.test(lines[0])) {
    const blankFirst = FENCE.test(text.trimStart().split("\n")[0]);
    return new ContentError(
      file,
      blankFirst ? "the front matter does not start on the first line" : "the file has no front matter",
      blankFirst
        ? "Delete the blank lines above the first `---`: front matter starts on line 1."
        : "Start it with a `---` block giving id, order and title (see docs/editing.md, “Front matter”); if it is not a section, move it out of the folder, or start its name with `_` to keep it as a draft.",
      1,
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1) {
    return new ContentError(
      file,
      "the front matter is never closed",
      "End it with a line of three dashes, `---`, after the last key and before the section's text.",
      1,
    );
  }
  return {
    yaml: lines.slice(1, close).join("\n"),
    yamlLine: 2,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}

export interface FrontMatterRead {
  /** The checked front matter, when it has no problem. */
  data?: SectionFrontMatter;
  titleLine?: number;
  /** The section's id when it reads as one, even if other keys do not. */
  id?: string;
  problems: ContentError[];
}

/**
 * Reads front matter: the YAML with nothing dropped (src/content/front-matter-yaml.ts), each value
 * as written (front-matter-values.ts), then the rules for each key; every problem at its line.
 * Front matter in the plain shape the tools write, whose values pass every rule, is read without
 * the YAML parser, to the same result (src/content/front-matter-plain.ts).
 */
export function readFrontMatter(file: string, split: SplitFile): FrontMatterRead {
  const plain = readPlainFrontMatter(split.yaml, split.yamlLine);
  const checked = plain && validateFrontMatter(plain.data);
  if (plain && checked?.ok) {
    const id = typeof plain.data.id === "string" && ID_PATTERN.test(plain.data.id) ? plain.data.id : undefined;
    return { data: checked.data, titleLine: plain.titleLine, id, problems: [] };
  }
  return readFrontMatterYaml(file, split);
}

/** Reads front matter with the YAML parser and every check on what it finds. */
export function readFrontMatterYaml(file: string, split: SplitFile): FrontMatterRead {
  const structured = Object.entries(FRONT_MATTER_KINDS).flatMap(([key, kind]) => (kind === "text" ? [] : [key]));
  const parsed = parseFrontMatterYaml(split.yaml, split.yamlLine, structured);
  const problems = parsed.problems.map((p) => new ContentError(file, p.problem, p.hint, p.line));
  // YAML that does not parse has no reliable keys or values: its own problems come first.
  if (parsed.doc.errors.length > 0) return { problems };
  const values = frontMatterValues(parsed);
  const seen = new Set(problems.map((p) => p.line));
  for (const p of values.problems) {
    if (seen.has(p.line)) continue;
    seen.add(p.line);
    problems.push(new ContentError(file, p.problem, p.hint, p.line));
  }
  const result = validateFrontMatter(values.data);
  if (!result.ok) {
    for (const { path, message } of result.problems) {
      const top = path.split(".")[0];
      // A key already reported (unreadable, or mistyped as another) is not reported again as missing.
      if ((values.lines.has(top) && !(top in values.data)) || values.meant.includes(top)) continue;
      const line = values.lines.get(path) ?? values.lines.get(top) ?? 1;
      if (seen.has(line) && line !== 1) continue;
      problems.push(
        new ContentError(
          file,
          message,
          `Fix this key; the allowed keys are ${FRONT_MATTER_KEYS.join(", ")} (see docs/editing.md, “Front matter”).`,
          line,
        ),
      );
    }
  }
  const data = result.ok && problems.length === 0 ? result.data : undefined;
  const id = typeof values.data.id === "string" && ID_PATTERN.test(values.data.id) ? values.data.id : undefined;
  return { data, titleLine: values.lines.get("title"), id, problems: problems.sort((a, b) => a.line! - b.line!) };
}
