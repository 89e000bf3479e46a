import { ContentError } from "../lib/problems.ts";
import { DEFINITION, normalLabel, parseShownWords, sourceWords } from "./shown-words.ts";

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

/**
 * Words an author typed that Markdown would not show. markdown-it drops some text without a
 * sound: `{anything}` at the end of a line is read as attributes (markdown-it-attrs), a line
 * like `[Note]: Kept` is a link definition, a table row's extra cells are cut off, a heading's
 * trailing `#` is a closing mark. Rather than list every such rule, this compares the words of
 * each source line with the words the parsed text holds, as the renderer parses it.
 * Every line whose words would not all be shown is a problem at its file line.
 */
export function lostTextProblems(file: string, body: string, bodyLine: number): ContentError[] {
  const lines = body.split("\n");
  const parsed = parseShownWords(body);
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
  return [...problems, ...headingProblems(file, lines, bodyLine), ...referenceProblems(file, lines, bodyLine)];
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

/**
 * `&#0;`, `&#x7;`, `&#xD800;`: a character reference to nothing that can be shown, which
 * markdown-it replaces with “�” (its isValidEntityCode). Code spans show references as typed.
 */
function referenceProblems(file: string, lines: string[], bodyLine: number): ContentError[] {
  const unshowable = (code: number): boolean =>
    code <= 8 ||
    code === 11 ||
    (code >= 14 && code <= 31) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code & 0xfffe) === 0xfffe ||
    code > 0x10ffff;
  return lines.flatMap((text, i) => {
    const found = [...text.replace(/`[^`]*`/g, "").matchAll(/&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));/g)].find((m) =>
      unshowable(m[1] === undefined ? Number.parseInt(m[2], 16) : Number(m[1])),
    );
    if (!found) return [];
    return [
      new ContentError(
        file,
        `the character reference \`${found[0]}\` names no character that can be shown, so the page would show “�”`,
        "Write the character itself, or delete the reference.",
        bodyLine + i,
      ),
    ];
  });
}
