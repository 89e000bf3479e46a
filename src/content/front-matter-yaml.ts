import { Composer, type Document, LineCounter, Parser, YAMLParseError } from "yaml";
import { findComments, type YamlComment } from "./yaml-comments.ts";
import { errorProblem } from "./yaml-errors.ts";
import { lineStarts, QUOTE_HINT, quotedLine, splitValueLine, type YamlProblem } from "./yaml-text.ts";

export type { YamlProblem };

/** Front matter parsed with every comment and position kept, and what was wrong with it. */
export interface ParsedYaml {
  doc: Document.Parsed;
  /** The front matter's lines, as typed. */
  lines: string[];
  /** The file line of an offset in the front matter. */
  lineOf(offset: number): number;
  problems: YamlProblem[];
}

/**
 * A value typed after a key that YAML would read as something other than text. `structured`
 * keys may hold a YAML list or map, so `[` and `{` there are YAML, not text.
 */
function indicatorProblem(lineText: string, structured: string[]): Omit<YamlProblem, "line"> | undefined {
  const split = splitValueLine(lineText);
  if (!split || split.value === "") return undefined;
  if (structured.includes(split.prefix.replace(/: $/, "")) && /^[[{]/.test(split.value)) return undefined;
  const meaning: Record<string, string> = {
    "&": "an anchor name, and drops it from the text",
    "*": "a reference to an anchor, not text",
    "!": "a type tag, and drops it from the text",
    "@": "a reserved character, and refuses it",
    "`": "a reserved character, and refuses it",
    "%": "a directive, and refuses it",
    "[": "the start of a list",
    "{": "the start of a set of `key: value` pairs",
    "|": "the start of a block of lines",
    ">": "the start of a folded block of lines",
  };
  const first = split.value[0];
  if (!(first in meaning)) return undefined;
  if ((first === "|" || first === ">") && /^[|>][0-9+-]*(\s+#.*)?$/.test(split.value)) return undefined;
  return {
    problem: `the value \`${split.value}\` starts with \`${first}\`, which YAML reads as ${meaning[first]}`,
    hint: `${QUOTE_HINT}: \`${quotedLine(split.prefix, split.value)}\``,
  };
}

/** A comment the author may not mean: one after a value, or an indented one inside a value. */
function commentProblem(comment: YamlComment): YamlProblem | undefined {
  // A note for editors: `#` and a space at the very start of a line.
  if (comment.column === 0 && !comment.afterText && /^#(\s|$)/.test(comment.text)) return undefined;
  const where = comment.afterText
    ? "after a value"
    : comment.column === 0
      ? "at the start of a line, without a space after the `#`,"
      : "indented inside a value";
  const ownLine = "put it on a line of its own that starts with `# ` (a hash, then a space) at the very beginning";
  return {
    line: comment.line,
    problem: `\`${comment.text}\` ${where} starts a YAML comment, so it would be left out of the page`,
    hint: comment.intended
      ? `If it is part of the value, quote the whole value: \`${comment.intended}\`; if it is a note for editors, ${ownLine}.`
      : `If it is a note for editors, ${ownLine}; otherwise delete it.`,
  };
}

/**
 * The concrete syntax tokens (where the comments are) and the document composed from them, from
 * one parse: what `parseDocument` does, keeping the tokens. A second document in the front
 * matter (after a `...` line) is an error, as `parseDocument` makes it.
 */
function parseOnce(source: string, counter: LineCounter): { tokens: unknown[]; doc: Document.Parsed } {
  const tokens = [...new Parser(counter.addNewLine).parse(source)];
  const documents = [...new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tokens, true, source.length)];
  const doc = documents[0];
  if (documents.length > 1) {
    doc.errors.push(
      new YAMLParseError(
        [documents[1].range[0], documents[1].range[1]],
        "MULTIPLE_DOCS",
        "Source contains multiple documents",
      ),
    );
  }
  return { tokens, doc };
}

/**
 * Parses front matter with the `yaml` package's Document API, which keeps comments, source
 * ranges and how each scalar was written, so nothing an author typed disappears unnoticed.
 * `firstLine` is the file line of the front matter's first line. https://eemeli.org/yaml/#documents
 */
export function parseFrontMatterYaml(source: string, firstLine: number, structured: string[] = []): ParsedYaml {
  const counter = new LineCounter();
  const { tokens, doc } = parseOnce(source, counter);
  const starts = lineStarts(source);
  const lineOf = (offset: number): number => firstLine - 1 + counter.linePos(offset).line;
  const lines = source.split("\n");
  const problems = new Map<number, YamlProblem>();
  const add = (problem: YamlProblem | undefined): void => {
    if (problem && !problems.has(problem.line)) problems.set(problem.line, problem);
  };
  lines.forEach((text, i) => {
    const found = indicatorProblem(text, structured);
    if (found) add({ line: firstLine + i, ...found });
  });
  for (const error of [...doc.errors, ...doc.warnings]) {
    add(errorProblem(error, Math.min(lineOf(error.pos[0]), firstLine + lines.length - 1), lines, firstLine));
  }
  for (const comment of findComments(tokens, source, starts, doc, firstLine)) add(commentProblem(comment));
  return { doc, lines, lineOf, problems: [...problems.values()].sort((a, b) => a.line - b.line) };
}
