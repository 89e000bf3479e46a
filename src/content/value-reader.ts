import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from "yaml";
import type { FRONT_MATTER_KINDS } from "./front-matter-keys.ts";
import type { ParsedYaml } from "./front-matter-yaml.ts";
import { ID_PATTERN } from "./ids.ts";
import { CONTROL_CHARACTER, quotedLine, splitValueLine } from "./yaml-text.ts";

type Report = (line: number, problem: string, hint: string) => undefined;
type Kind = (typeof FRONT_MATTER_KINDS)[keyof typeof FRONT_MATTER_KINDS];

/**
 * Turns one front matter key's YAML node into the value the page gets, exactly as typed, or
 * reports at its line why it cannot: a `1984`, `true` or `2014-04-08` stays the text typed; a
 * `null`, an anchor, a tag or a list where text belongs is a problem with the line to write.
 */
export class ValueReader {
  constructor(
    private readonly parsed: ParsedYaml,
    private readonly key: string,
    private readonly lines: Map<string, number>,
    private readonly report: Report,
  ) {}

  private lineOf(node: Node | null | undefined): number {
    return node?.range ? this.parsed.lineOf(node.range[0]) : this.lines.get(this.key)!;
  }

  /** The line rewritten with its value (or `text`) quoted: the fix for text YAML would read as something else. */
  private quotedFix(line: number, text?: string): string {
    const split = splitValueLine(this.parsed.lines[line - this.parsed.lineOf(0)] ?? "");
    const value = text ?? split?.value;
    return split && value ? `: \`${quotedLine(split.prefix, value)}\`` : "";
  }

  read(node: Node | null, kind: Kind): unknown {
    const line = this.lineOf(node);
    const empty = (): undefined =>
      this.report(line, `\`${this.key}\` has no value`, `Write its value after \`${this.key}: \`, or delete the line.`);
    if (node === null || (isScalar(node) && node.value === null && !node.source)) return empty();
    if (kind === "text") return this.text(node, this.key, `\`${this.key}\``);
    if (kind === "whole number") return this.wholeNumber(node, line);
    if (kind === "list") {
      if (!isSeq(node)) return isScalar(node) ? this.text(node, this.key, `\`${this.key}\``) : undefined;
      return node.items.map((item, i) => this.text(item as Node, `${this.key}.${i}`, "this item"));
    }
    if (kind === "lists by id") return this.listsById(node, line);
    if (!isMap(node))
      return this.report(
        line,
        `\`${this.key}\` must be a list of \`old-id: new-id\` pairs`,
        "Write one `old-id: new-id` pair per line, indented under `aliases:`.",
      );
    const pairs: Array<[string, unknown]> = [];
    for (const pair of node.items) {
      const from = this.text(pair.key as Node, undefined, "this old id");
      if (from === undefined) continue;
      // Checked here, not left to the schema, which would drop a key such as `__proto__` unseen.
      if (!ID_PATTERN.test(from)) {
        this.report(
          this.lineOf(pair.key as Node),
          `\`${this.key}\`: \`${from}\` is not an id`,
          "Ids are lowercase letters and digits in words joined by single hyphens, e.g. `what-we-collect`.",
        );
        continue;
      }
      pairs.push([from, this.text(pair.value as Node, `${this.key}.${from}`, "this new id")]);
    }
    return Object.fromEntries(pairs);
  }

  /** `clause-id:` lines, each with its list of words (`clauseSearchTerms`); every key checked as an id. */
  private listsById(node: Node, line: number): Record<string, unknown> | undefined {
    if (!isMap(node))
      return this.report(
        line,
        `\`${this.key}\` must be clause ids, each with a list of words`,
        `Write \`clause-id:\` on a line under \`${this.key}:\`, then its words as \`- words\` lines indented under it.`,
      );
    const lists: Array<[string, unknown]> = [];
    for (const pair of node.items) {
      const id = this.text(pair.key as Node, undefined, "this clause id");
      if (id === undefined) continue;
      if (!ID_PATTERN.test(id)) {
        this.report(
          this.lineOf(pair.key as Node),
          `\`${this.key}\`: \`${id}\` is not an id`,
          "Ids are lowercase letters and digits in words joined by single hyphens, e.g. `what-we-collect`.",
        );
        continue;
      }
      const path = `${this.key}.${id}`;
      this.lines.set(path, this.lineOf(pair.key as Node));
      const value = pair.value as Node | null;
      const words = isSeq(value)
        ? value.items.map((item, i) => this.text(item as Node, `${path}.${i}`, "this item"))
        : this.text(value, path, `\`${path}\``);
      lists.push([id, words]);
    }
    return Object.fromEntries(lists);
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

  /** A text value exactly as written; `path` ("searchTerms.1") records its line for later problems. */
  private text(node: Node | null, path: string | undefined, label: string): string | undefined {
    const line = this.lineOf(node);
    if (path !== undefined && path !== this.key) this.lines.set(path, line);
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
        `If you mean the word, quote it${this.quotedFix(line, typed)}; otherwise write the value or delete the line.`,
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
