import { FRONT_MATTER_KINDS } from "./front-matter-keys.ts";

/**
 * Front matter written the plain way `npm run new-section` and the docs write it, read without
 * the YAML parser. The `yaml` package reads about 3 MB of front matter a second here, most of a
 * large policy's reading time (docs/performance.md, round 8), while nearly every section file
 * uses a handful of line shapes whose meaning in YAML is never in doubt:
 *
 *     id: cookies                    (a key of the section's, then plain text or whole digits)
 *     description: "Text, quoted"    (text in quotes with no escape inside)
 *     searchTerms:                   (a list: each item on a `  - ` line)
 *       - turn off cookies
 *     clauseSearchTerms:             (clause ids on `  id:` lines, each with `    - ` items)
 *     aliases:                       (`  old-id: new-id` lines)
 *
 * Front matter made only of such lines is read here; anything else at all (a blank line, a
 * comment, a tab, a trailing space, another indent, an escape, a character YAML treats as markup,
 * a repeated key, a null) makes this return undefined, and the YAML parser reads the file with
 * every check it has. The tests hold this reading equal to the parser's on every
 * section file of the project and on thousands of altered copies.
 */
export interface PlainFrontMatter {
  /** Each key's value, as the YAML reading gives it to the front matter schema. */
  data: Record<string, unknown>;
  /** The file line of `title:`. */
  titleLine?: number;
}

const TOP = /^([A-Za-z]+):(?: (.+))?$/;
const ITEM = /^ {2}- (.+)$/;
const NESTED_ITEM = /^ {4}- (.+)$/;
/**
 * An id as a key. One that starts with a digit is left to the parser: YAML reads `1` and `01` as
 * the same number, so as keys of one map they would be the same key.
 */
const ID = "[a-z][a-z0-9]*(?:-[a-z0-9]+)*";
const NESTED_KEY = new RegExp(`^ {2}(${ID}):$`);
const PAIR = new RegExp(`^ {2}(${ID}): ([a-z0-9]+(?:-[a-z0-9]+)*)$`);
/** Plain text YAML reads as itself: it starts with a letter, digit or `(`, holds no `#` and no `: `. */
const PLAIN = /^[\p{L}\p{N}(][\p{L}\p{N}\p{M}\p{P}\p{S} ]*$/u;
const DOUBLE_QUOTED = /^"([\p{L}\p{N}\p{M}\p{P}\p{S} ]*)"$/u;
const SINGLE_QUOTED = /^'([\p{L}\p{N}\p{M}\p{P}\p{S} ]*)'$/u;
/** What YAML's core schema reads as no value. */
const NULL = /^(?:null|Null|NULL)$/;

/** A scalar typed on one line, as text, when YAML would read exactly those characters. */
function plainText(typed: string): string | undefined {
  const quoted = DOUBLE_QUOTED.exec(typed) ?? SINGLE_QUOTED.exec(typed);
  if (quoted) return /["'\\]/.test(quoted[1]) ? undefined : quoted[1];
  if (!PLAIN.test(typed) || typed.endsWith(" ") || typed.endsWith(":")) return undefined;
  if (typed.includes("#") || typed.includes(": ") || NULL.test(typed)) return undefined;
  return typed;
}

/** A key's lines after it: the indented lines up to the next key or the end. */
function block(lines: string[], from: number): string[] {
  const end = lines.findIndex((line, i) => i > from && !line.startsWith(" "));
  return lines.slice(from + 1, end === -1 ? lines.length : end);
}

/** The value of one key from its line's value and the indented lines under it; undefined if not plain. */
function plainValue(kind: string, typed: string | undefined, under: string[]): unknown {
  if (kind === "text") return under.length === 0 && typed !== undefined ? plainText(typed) : undefined;
  if (kind === "whole number") {
    const whole = under.length === 0 && typed !== undefined && /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
    return Number.isSafeInteger(whole) ? whole : undefined;
  }
  if (typed !== undefined || under.length === 0) return undefined;
  if (kind === "list") return items(under, ITEM);
  if (kind === "pairs") return pairs(under);
  return listsById(under);
}

function items(lines: string[], shape: RegExp): string[] | undefined {
  const texts = lines.map((line) => {
    const item = shape.exec(line);
    return item ? plainText(item[1]) : undefined;
  });
  return texts.every((text) => text !== undefined) ? (texts as string[]) : undefined;
}

function pairs(lines: string[]): Record<string, string> | undefined {
  const found = lines.map((line) => PAIR.exec(line));
  if (found.some((pair) => !pair || NULL.test(pair[1]) || NULL.test(pair[2]))) return undefined;
  const entries = found.map((pair) => [pair![1], pair![2]] as const);
  return new Set(entries.map(([from]) => from)).size === entries.length ? Object.fromEntries(entries) : undefined;
}

function listsById(lines: string[]): Record<string, string[]> | undefined {
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < lines.length; ) {
    const key = NESTED_KEY.exec(lines[i]);
    if (!key || NULL.test(key[1]) || Object.hasOwn(lists, key[1])) return undefined;
    let end = i + 1;
    while (end < lines.length && lines[end].startsWith("    ")) end++;
    const words = end > i + 1 ? items(lines.slice(i + 1, end), NESTED_ITEM) : undefined;
    if (!words) return undefined;
    lists[key[1]] = words;
    i = end;
  }
  return lists;
}

/** Reads front matter made only of the plain line shapes above; undefined for anything else. */
export function readPlainFrontMatter(yaml: string, firstLine: number): PlainFrontMatter | undefined {
  const lines = yaml.split("\n");
  if (lines.some((line) => line === "" || line.trim() !== line.trimStart() || line.includes("\t"))) return undefined;
  const data: Record<string, unknown> = {};
  let titleLine: number | undefined;
  for (let i = 0; i < lines.length; ) {
    const top = TOP.exec(lines[i]);
    const key = top?.[1];
    if (!top || !key || !Object.hasOwn(FRONT_MATTER_KINDS, key) || Object.hasOwn(data, key)) return undefined;
    const under = block(lines, i);
    const value = plainValue(FRONT_MATTER_KINDS[key as keyof typeof FRONT_MATTER_KINDS], top[2], under);
    if (value === undefined) return undefined;
    data[key] = value;
    if (key === "title") titleLine = firstLine + i;
    i += 1 + under.length;
  }
  return { data, titleLine };
}
