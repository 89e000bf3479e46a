import type { YAMLError } from "yaml";
import { QUOTE_HINT, quotedLine, splitValueLine, type ValueLine, type YamlProblem } from "./yaml-text.ts";

/** What a rule knows of one YAML error: the line it is on, as typed and split at its value. */
interface ErrorAt {
  error: YAMLError;
  line: number;
  split: ValueLine | undefined;
  /** `: \`key: "value"\`` when the line has a value to quote, else "". */
  quote: string;
  lines: string[];
  /** The file line of `lines[0]`. */
  first: number;
}

type Rule = (at: ErrorAt) => YamlProblem | undefined;

const duplicateKey: Rule = ({ error, line, split, lines, first }) => {
  if (error.code !== "DUPLICATE_KEY") return undefined;
  const earlier = lines.findIndex((l) => splitValueLine(l)?.prefix === split?.prefix);
  const also = earlier >= 0 && earlier + first !== line ? ` (also on line ${earlier + first})` : "";
  return {
    line,
    problem: `\`${split?.prefix.replace(/: $/, "") ?? "this key"}\` is given twice${also}`,
    hint: "YAML would keep only one of them: keep the one you mean and delete the other.",
  };
};

const tab: Rule = ({ error, line }) =>
  error.code === "TAB_AS_INDENT"
    ? { line, problem: "a tab indents this line", hint: "YAML indents with spaces only: replace the tab with spaces." }
    : undefined;

const colonInValue: Rule = ({ error, line, split, quote }) =>
  error.code === "BLOCK_AS_IMPLICIT_KEY" && split && /:(\s|$)/.test(split.value)
    ? {
        line,
        problem: `the value \`${split.value}\` contains “:” followed by a space, which YAML reads as the start of another key`,
        hint: `${QUOTE_HINT}${quote}`,
      }
    : undefined;

/** YAML notices an indented line on the line above it, which it reads as a key. */
const indentedLine: Rule = ({ error, line, lines, first }) =>
  error.code === "BLOCK_AS_IMPLICIT_KEY" || error.code === "MULTILINE_IMPLICIT_KEY"
    ? {
        line: Math.min(line + 1, first + lines.length - 1),
        problem: "this line is indented, so YAML reads it as part of the value on the line above",
        hint: "Start each key at the beginning of its line (`order: 1`), or, if the words belong to the value above, write the whole value on one line, quoted.",
      }
    : undefined;

/** YAML notices a missing quote where the text ends; the mistake is where the quote opened. */
const unclosedQuote: Rule = ({ error, line, lines, first }) => {
  if (error.code !== "MISSING_CHAR" || !/quote/.test(error.message)) return undefined;
  for (let i = line - first; i >= 0; i--) {
    const opened = splitValueLine(lines[i]);
    if (!opened || !/^["']/.test(opened.value)) continue;
    return {
      line: first + i,
      problem: `the quote that opens \`${opened.value}\` is never closed`,
      hint: `Close it where the value ends: \`${quotedLine(opened.prefix, opened.value.slice(1))}\``,
    };
  }
  return undefined;
};

const textAfterQuote: Rule = ({ error, line, split, quote }) =>
  error.code === "UNEXPECTED_TOKEN" && split && /^["']/.test(split.value)
    ? {
        line,
        problem: `there is text after the closing quote of \`${split.value}\``,
        hint: `Quote the whole value${quote}`,
      }
    : undefined;

/** `...` (or `---`) inside front matter ends its YAML document; YAML would drop what follows. */
const documentEnd: Rule = ({ error, line, lines, first }) => {
  if (error.code !== "MULTIPLE_DOCS") return undefined;
  let marker = line - first;
  while (marker > 0 && !/^(\.\.\.|---)\s*$/.test(lines[marker])) marker--;
  return {
    line: first + marker,
    problem: "this line ends the YAML of the front matter, so what follows it would be dropped",
    hint: "Delete the line: front matter ends only at the `---` line before the text.",
  };
};

const RULES = [duplicateKey, tab, colonInValue, indentedLine, unclosedQuote, textAfterQuote, documentEnd];

/** YAML's own error, in the author's words, with the fix for the line it is on. */
export function errorProblem(error: YAMLError, line: number, lines: string[], first: number): YamlProblem {
  const split = splitValueLine(lines[line - first] ?? "");
  const quote = split?.value ? `: \`${quotedLine(split.prefix, split.value)}\`` : "";
  const at: ErrorAt = { error, line, split, quote, lines, first };
  for (const rule of RULES) {
    const found = rule(at);
    if (found) return found;
  }
  return {
    line,
    problem: `the front matter is not valid YAML: ${error.message.split("\n")[0].replace(/\s+at line \d+.*$/, "")}`,
    hint: `Check the quoting and indentation between the \`---\` lines${quote ? `; if this line is text, quote it${quote}` : "."}`,
  };
}
