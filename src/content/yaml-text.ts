/**
 * Small helpers about YAML as an author types it: where a line's value starts, and how to quote
 * text so that YAML reads it back exactly. Used to write fixes an author can paste.
 */

/** One thing wrong with front matter YAML, at a line of the file, with the fix. */
export interface YamlProblem {
  line: number;
  problem: string;
  hint: string;
}

export const QUOTE_HINT = "Quote the whole value, and YAML reads every character as text";

/** A `key: value` or `- value` line split where its value starts; undefined for other lines. */
export interface ValueLine {
  /** What comes before the value, normalised: `title: ` or `- `. */
  prefix: string;
  /** The value as typed, without trailing spaces. */
  value: string;
}

const KEY_LINE = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:[ \t]+(.*))?$/;
const ITEM_LINE = /^\s*-[ \t]+(.*)$/;

/** Splits a line of front matter into its key (or list dash) and the value typed after it. */
export function splitValueLine(line: string): ValueLine | undefined {
  const item = ITEM_LINE.exec(line);
  if (item) return { prefix: "- ", value: item[1].trimEnd() };
  const key = KEY_LINE.exec(line);
  if (!key) return undefined;
  return { prefix: `${key[1]}: `, value: (key[2] ?? "").trimEnd() };
}

/**
 * Quotes text so YAML reads back exactly that text: double quotes when nothing inside needs an
 * escape, else single quotes, else JSON's escaping (a JSON string is a YAML double-quoted scalar).
 */
export function quoteYaml(text: string): string {
  if (hasControlCharacter(text)) return JSON.stringify(text);
  if (!/["\\]/.test(text)) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return JSON.stringify(text);
}

/**
 * Characters that cannot be seen or printed: C0 and C1 controls other than tab and newline, and
 * the bidirectional overrides that make text display in another order than it is written.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202d\u202e]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** The line as it should be written: the same key (or dash), the value quoted. */
export function quotedLine(prefix: string, text: string): string {
  return `${prefix}${quoteYaml(text)}`;
}

/** The 0-based offsets at which each line of a text starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line index holding an offset. */
export function lineIndexOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
