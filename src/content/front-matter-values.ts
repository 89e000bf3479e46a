import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Scalar } from "yaml";
import type { ParsedYaml, YamlProblem } from "./front-matter-yaml.ts";
import { CONTROL_CHARACTER, quotedLine, splitValueLine } from "./yaml-text.ts";

/** What each front matter key holds. */
export const FRONT_MATTER_KINDS = {
  id: "text",
  order: "whole number",
  title: "text",
  description: "text",
  searchTerms: "list",
  aliases: "pairs",
} as const;

export interface FrontMatterValues {
  /** The known keys, each value exactly as written (a plain `1984` stays the text "1984"). */
  data: Record<string, unknown>;
  /** The file line of each key and of each list item or pair: "title", "searchTerms.1", "aliases.old-id". */
  lines: Map<string, number>;
  problems: YamlProblem[];
  /** Keys a mistyped key probably meant (`titel` → `title`): not reported missing as well. */
  meant: string[];
}

/** The closest allowed key to a mistyped one (`Title`, `titel`), if there is one. */
export function closestKey(key: string): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = row[j];
        row[j] = next;
      }
    }
    return row[b.length];
  };
  return Object.keys(FRONT_MATTER_KINDS).find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
}

/** Reads front matter values key by key, keeping every string whole or saying why it cannot. */
export function frontMatterValues(parsed: ParsedYaml): FrontMatterValues {
  const lines = new Map<string, number>();
  const problems: YamlProblem[] = [];
  const data: Record<string, unknown> = {};
  const meant: string[] = [];
  const lineOfNode = (node: Node | null | undefined, fallback: number): number =>
    node?.range ? parsed.lineOf(node.range[0]) : fallback;
  const problem = (line: number, text: string, hint: string): undefined => {
    problems.push({ line, problem: text, hint });
    return undefined;
  };
  const contents = parsed.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { data, lines, problems, meant };
  if (!isMap(contents)) {
    problem(
      lineOfNode(contents, 2),
      "the front matter is not a set of `key: value` lines",
      "Write one `key: value` per line (see docs/editing.md, “Front matter”).",
    );
    return { data, lines, problems, meant };
  }
  for (const pair of contents.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as Node | null;
    const line = lineOfNode(keyNode, 2);
    const key = isScalar(keyNode) ? String(keyNode.source ?? keyNode.value) : undefined;
    if (key === undefined || !(key in FRONT_MATTER_KINDS)) {
      const near = key && closestKey(key);
      if (near) meant.push(near);
      problem(
        line,
        key === undefined ? "a key that is not a plain word" : `unknown key \`${key}\``,
        `${near ? `Did you mean \`${near}\`? ` : ""}The allowed keys are ${Object.keys(FRONT_MATTER_KINDS).join(", ")}.`,
      );
      continue;
    }
    lines.set(key, line);
    const reader = new ValueReader(parsed, key, lines, problem);
    const value = reader.read(pair.value as Node | null, FRONT_MATTER_KINDS[key as keyof typeof FRONT_MATTER_KINDS]);
    if (value !== undefined) data[key] = value;
  }
  return { data, lines, problems, meant };
}

type Report = (line: number, problem: string, hint: string) => undefined;

/** Turns one key's YAML node into the value the page gets, or a problem at its line. */
class ValueReader {
  constructor(
    private readonly parsed: ParsedYaml,
    private readonly key: string,
    private readonly lines: Map<string, number>,
    private readonly report: Report,
  ) {}

  private lineOf(node: Node | null | undefined): number {
    return node?.range ? this.parsed.lineOf(node.range[0]) : this.lines.get(this.key)!;
  }

  /** The line's value, quoted: the fix for text YAML would read as something else. */
  private quotedFix(line: number): string {
    const split = splitValueLine(this.parsed.lines[line - this.parsed.lineOf(0)] ?? "");
    return split?.value ? `: \`${quotedLine(split.prefix, split.value)}\`` : "";
  }

  read(node: Node | null, kind: (typeof FRONT_MATTER_KINDS)[keyof typeof FRONT_MATTER_KINDS]): unknown {
    const line = this.lineOf(node);
    const empty = (): undefined =>
      this.report(line, `\`${this.key}\` has no value`, `Write its value after \`${this.key}: \`, or delete the line.`);
    if (node === null || (isScalar(node) && node.value === null && !node.source)) return empty();
    if (kind === "text") return this.text(node, this.key);
    if (kind === "whole number") return this.wholeNumber(node, line);
    if (kind === "list") {
      if (!isSeq(node)) return node && isScalar(node) ? this.text(node, this.key) : undefined;
      return node.items.map((item, i) => this.text(item as Node, `${this.key}.${i}`));
    }
    if (!isMap(node))
      return this.report(
        line,
        `\`${this.key}\` must be a list of \`old-id: new-id\` pairs`,
        "Write one `old-id: new-id` pair per line, indented under `aliases:`.",
      );
    const pairs: Record<string, unknown> = {};
    for (const pair of node.items) {
      const from = this.text(pair.key as Node, `${this.key}.?`);
      if (typeof from !== "string") continue;
      this.lines.set(`${this.key}.${from}`, this.lineOf(pair.key as Node));
      pairs[from] = this.text(pair.value as Node, `${this.key}.${from}`);
    }
    return pairs;
  }

  private wholeNumber(node: Node, line: number): number | undefined {
    const source = isScalar(node) ? String(node.source ?? "") : "";
    if (isScalar(node) && node.type === "PLAIN" && /^\d+$/.test(source) && Number.isSafeInteger(Number(source))) {
      return Number(source);
    }
    const written = isScalar(node) ? String(node.value) : "";
    const digits = /^\s*\d+\s*$/.test(written) ? written.trim() : "3";
    return this.report(
      line,
      `\`${this.key}\` must be a whole number from 1${isScalar(node) && node.type !== "PLAIN" && /^\s*\d+\s*$/.test(written) ? ", written without quotes" : ""}`,
      `Write it as digits alone, e.g. \`${this.key}: ${digits}\`.`,
    );
  }

  /** A text value exactly as written; a plain `1984`, `true` or `2014-04-08` stays the text typed. */
  private text(node: Node | null, path: string): string | undefined {
    const line = this.lineOf(node);
    if (path !== this.key && !path.endsWith(".?")) this.lines.set(path, line);
    const label = path === this.key ? `\`${this.key}\`` : "this item";
    if (node === null) return this.report(line, `${label} has no value`, "Write the text, or delete the line.");
    if (isAlias(node) || (isScalar(node) && (node.anchor || node.tag))) {
      return this.report(
        line,
        `${label} is marked with a YAML anchor, reference or tag, which is not text`,
        `Quote the whole value${this.quotedFix(line)}`,
      );
    }
    if (!isScalar(node)) {
      return this.report(
        line,
        `${label} must be text, but YAML reads it as ${isSeq(node) ? "a list" : "`key: value` pairs (a “:” followed by a space does that)"}`,
        `Quote the whole value${this.quotedFix(line) || ", on one line"}.`,
      );
    }
    return this.scalarText(node as Scalar, label, line);
  }

  private scalarText(node: Scalar, label: string, line: number): string | undefined {
    if (node.value === null) {
      const typed = String(node.source ?? "");
      return this.report(
        line,
        `${label} is \`${typed}\`, which YAML reads as no value`,
        `If you mean the word, quote it: \`${quotedLine(`${this.key}: `, typed)}\`; otherwise write the value or delete the line.`,
      );
    }
    const text = node.type === "PLAIN" && typeof node.value !== "string" ? String(node.source) : String(node.value);
    const control = CONTROL_CHARACTER.exec(text);
    if (control) {
      const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      return this.report(
        line,
        `${label} contains an invisible control character (${code})`,
        "Delete it: it cannot be shown or printed, and may change how the text around it reads.",
      );
    }
    return text;
  }
}
