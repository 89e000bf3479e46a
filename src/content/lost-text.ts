import markdownIt, { type Token } from "markdown-it";
import attrs from "markdown-it-attrs";
import { ContentError } from "../lib/problems.ts";

/**
 * Words an author typed that Markdown would not show. markdown-it drops some text without a
 * sound: `{anything}` at the end of a line is read as attributes (markdown-it-attrs), a line
 * like `[Note]: Kept` is a link definition, a table row's extra cells are cut off, a heading's
 * trailing `#` is a closing mark. Rather than list every such rule, this compares the words of
 * each source line with the words the parsed text holds, as the renderer parses it.
 */
const mirror = markdownIt({ html: false, linkify: false, typographer: false });
mirror.use(attrs, { allowedAttributes: ["id"] });
// Every link is kept, whatever its scheme: the link rules report the bad ones.
mirror.validateLink = () => true;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const words = (text: string): string[] => text.match(WORD) ?? [];
/** What Markdown itself consumes at the start of a line: blockquote marks and list markers. */
const LINE_MARKERS = /^(?:\s*>)*\s*(?:(?:[-*+]|\d{1,9}[.)])(?=\s|$))?/;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:/;
const normalLabel = (label: string): string => label.trim().replace(/\s+/g, " ").toUpperCase();

/** The words of a source line that should reach the page: markers, entities and reference labels aside. */
function sourceWords(line: string): string[] {
  return words(
    line
      .replace(LINE_MARKERS, "")
      .replace(ENTITY, " ")
      .replace(/\]\[[^\]]*\]/g, "]"),
  );
}

interface Parsed {
  /** Words shown, by the [first, last) source lines of the block they are in. */
  shown: Map<string, string[]>;
  ranges: Array<[number, number]>;
  /** Words that are link targets, titles and ids: typed, never shown as text, never lost. */
  targets: Set<string>;
  references: Set<string>;
}

function parse(body: string): Parsed {
  const env: { references?: Record<string, never> } = {};
  const tokens = mirror.parse(body, env);
  const parsed: Parsed = {
    shown: new Map(),
    ranges: [],
    targets: new Set(),
    references: new Set(Object.keys(env.references ?? {})),
  };
  const target = (token: Token): void => {
    for (const [name, value] of token.attrs ?? []) {
      for (const w of words(String(value))) parsed.targets.add(w);
      if (name === "href") for (const w of words(mirror.normalizeLinkText(String(value)))) parsed.targets.add(w);
    }
  };
  let map: [number, number] | null = null;
  for (const token of tokens) {
    map = (token.map as [number, number] | null) ?? map;
    target(token);
    if (token.type !== "inline" && token.type !== "fence" && token.type !== "code_block") continue;
    if (!map) continue;
    const key = `${map[0]}-${map[1]}`;
    if (!parsed.shown.has(key)) parsed.ranges.push(map);
    const shown = parsed.shown.get(key) ?? [];
    if (token.type === "fence") shown.push(...words(`${token.info} ${token.content}`));
    if (token.type === "code_block") shown.push(...words(token.content));
    for (const child of token.children ?? []) {
      target(child);
      if (child.type === "text" || child.type === "code_inline" || child.type === "image")
        shown.push(...words(child.content));
    }
    parsed.shown.set(key, shown);
  }
  return parsed;
}

/** Words of `typed` missing from `shown`, counting repeats. */
function missing(typed: string[], shown: string[], targets: Set<string>): string[] {
  const left = new Map<string, number>();
  for (const w of shown) left.set(w, (left.get(w) ?? 0) + 1);
  return typed.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    return n === 0 && !targets.has(w);
  });
}

function lostProblem(file: string, line: number, text: string, lost: string[]): ContentError {
  const braces = [...text.matchAll(/\{[^{}]*\}/g)].find((m) => lost.some((w) => m[0].includes(w)))?.[0];
  if (braces) {
    return new ContentError(
      file,
      `\`${braces}\` is read as attributes, so it is not shown`,
      `To show it as text, escape the brace: \`\\${braces}\` (only headings take an attribute: their \`{#id}\`).`,
      line,
    );
  }
  const definition = DEFINITION.exec(text);
  if (definition) {
    return new ContentError(
      file,
      `\`${text.trim().slice(0, 60)}\` is read as a link definition that no link uses, so it is not shown`,
      `To show it as text, escape its first bracket: \`\\${text.trim().slice(0, 60)}\`; or use it in a link: \`[some text][${definition[1]}]\`.`,
      line,
    );
  }
  if (/^\s*\|/.test(text) || /\|\s*$/.test(text)) {
    return new ContentError(
      file,
      `this table row has more cells than the table's header, so “${lost.join(" ")}” is not shown`,
      "Add a column to the header row (and its `---` row), or write a `|` inside a cell as `\\|`.",
      line,
    );
  }
  return new ContentError(
    file,
    `“${lost.join(" ").slice(0, 80)}” on this line would not reach the page`,
    "Markdown reads part of this line as markup: escape the character that starts it with `\\` (see docs/editing.md, “Text, links and HTML”).",
    line,
  );
}

/** Every line whose words would not all be shown, each at its file line. */
export function lostTextProblems(file: string, body: string, bodyLine: number): ContentError[] {
  const lines = body.split("\n");
  const parsed = parse(body);
  const problems: ContentError[] = [];
  const covered = new Set<number>();
  for (const [start, end] of parsed.ranges) {
    for (let i = start; i < end; i++) covered.add(i);
    const lost = missing(
      lines.slice(start, end).flatMap(sourceWords),
      parsed.shown.get(`${start}-${end}`)!,
      parsed.targets,
    );
    if (lost.length === 0) continue;
    const at = lines.slice(start, end).findIndex((l) => sourceWords(l).includes(lost[0]));
    problems.push(lostProblem(file, bodyLine + start + Math.max(0, at), lines[start + Math.max(0, at)], lost));
  }
  const used = new Set(
    lines
      .filter((l) => !DEFINITION.test(l))
      .flatMap((l) => [...l.matchAll(/\[((?:[^\]\\]|\\.)*)\]/g)].map((m) => normalLabel(m[1]))),
  );
  let inDefinition = false;
  lines.forEach((text, i) => {
    const definition = DEFINITION.exec(text);
    if (definition)
      inDefinition = parsed.references.has(normalLabel(definition[1])) && used.has(normalLabel(definition[1]));
    if (text.trim() === "") inDefinition = false;
    if (covered.has(i) || inDefinition) return;
    const lost = sourceWords(text).filter((w) => !parsed.targets.has(w));
    if (lost.length > 0) problems.push(lostProblem(file, bodyLine + i, text, lost));
  });
  return [...problems, ...headingProblems(file, lines, bodyLine)];
}

/** `## Section #`: Markdown drops a heading's trailing `#`s as a closing mark. */
function headingProblems(file: string, lines: string[], bodyLine: number): ContentError[] {
  return lines.flatMap((text, i) => {
    const heading = /^ {0,3}#{1,6}\s(.*?)(\s*\{#[^}]*\})?\s*$/.exec(text);
    if (!heading || !/(^|\s)#+$/.test(heading[1])) return [];
    return [
      new ContentError(
        file,
        "the `#` at the end of this heading is read as Markdown's closing mark, so it is not shown",
        "To show it, escape it: `\\#`.",
        bodyLine + i,
      ),
    ];
  });
}
