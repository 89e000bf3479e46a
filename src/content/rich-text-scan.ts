import type { Token } from "markdown-it";
import { checkAttributes } from "./attribute-rules.ts";
import { noteDefinitionRules, scanInlineNotes } from "./note-rules.ts";
import type { SyntaxProblem } from "./policy-syntax.ts";
import { tableRules } from "./table-rules.ts";

/** A problem found in one section's richer Markdown, at a file line. */
export interface RichTextProblem {
  line: number;
  problem: string;
  hint: string;
}

/** A term a definition list defines, as written. */
export interface WrittenTerm {
  text: string;
  line: number;
}

/** What the inspector's parse leaves in its env: markdown-it-footnote's notes and the definitions seen. */
export interface InspectorEnv {
  footnotes?: { refs?: Record<string, number>; list?: Array<{ tokens?: Token[]; label?: string }> };
  noteDefinitions?: Array<{ label: string; line: number; empty: boolean }>;
}

export interface RichTextScan {
  problems: RichTextProblem[];
  terms: WrittenTerm[];
  /** Indexes of headings inside a note, a callout or a summary: reported here, never clauses. */
  containedHeadings: Set<number>;
  /** The line of each inline note's text (its inline token has no line of its own). */
  inlineNoteLines: Map<Token[], number>;
}

/** Blocks a summary may hold: paragraphs and lists. */
const SUMMARY_BLOCKS = /^(paragraph|bullet_list|ordered_list|list_item)_(open|close)$|^inline$/;

const CONTAINERS: Readonly<Record<string, string>> = { footnote: "a note", callout: "a callout", summary: "a summary" };

const plainText = (children: Token[] = []): string =>
  children
    .filter((c) => c.type === "text" || c.type === "text_special" || c.type === "code_inline")
    .map((c) => c.content)
    .join("")
    .trim();

/**
 * Walks the inspector's tokens once for tables, notes, terms, callouts, summaries and `{…}`
 * attributes, and lists every rule they break with its file line (`bodyLine` is the file line of
 * the body's first line). Rules: docs/editing.md, “Tables, notes, terms and summaries”.
 */
export function scanRichText(tokens: Token[], env: InspectorEnv, bodyLine: number, body = ""): RichTextScan {
  const sourceLines = body.split("\n");
  const scan: RichTextScan = { problems: [], terms: [], containedHeadings: new Set(), inlineNoteLines: new Map() };
  const add = (line: number, problem: string, hint: string) => scan.problems.push({ line, problem, hint });
  const containers: string[] = [];
  let line = bodyLine;
  tokens.forEach((token, i) => {
    if (token.map) line = bodyLine + token.map[0];
    const container = /^(footnote|callout|summary)_(open|close)$/.exec(token.type);
    if (container) {
      if (container[2] === "open") containers.push(container[1]);
      else containers.pop();
    }
    if (token.type === "heading_open" && containers.length > 0) {
      scan.containedHeadings.add(i);
      add(
        line,
        `a heading inside ${CONTAINERS[containers.at(-1)!]}`,
        "Headings are clauses: put it in the section's text, outside the `>` quotation or note.",
      );
    }
    if (containers.includes("summary") && !SUMMARY_BLOCKS.test(token.type) && !/^summary_/.test(token.type))
      add(
        line,
        "a summary holds paragraphs and lists only",
        "Move the table, quotation, list of terms or code into the section's text.",
      );
    blockRules(tokens, i, line, add, scan);
    if (token.type === "table_open") tableRules(tokens, i, { line, sourceLines, bodyLine }, add);
    checkAttributes(token, line, add);
    if (token.type === "inline") {
      // An inline note's text was read where its reference is, with that line.
      if (!scan.inlineNoteLines.has(token.children ?? []))
        scanInlineNotes(token.children ?? [], line, env, containers.includes("summary"), add, scan);
    }
  });
  noteDefinitionRules(env, bodyLine, add);
  if (tokens[0]?.type === "summary_open" && !hasTextAfterSummary(tokens))
    add(
      bodyLine + (tokens[0].map?.[0] ?? 0),
      "the section has no text besides its summary",
      "The summary is not part of the policy: write the section's text after it.",
    );
  return scan;
}

function hasTextAfterSummary(tokens: Token[]): boolean {
  const close = tokens.findIndex((t) => t.type === "summary_close");
  return tokens.slice(close + 1).some((t) => t.type === "inline");
}

/** Records a problem at a file line. */
export type Add = (line: number, problem: string, hint: string) => void;

function blockRules(tokens: Token[], i: number, line: number, add: Add, scan: RichTextScan): void {
  const token = tokens[i];
  const problem = (token.meta as { problem?: SyntaxProblem } | null)?.problem;
  if (problem?.kind === "unknown-callout")
    add(
      line,
      `the callout ${problem.detail} is not one this site knows`,
      "Use `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]` or `[!SUMMARY]`; to quote the text itself, escape it: `\\[!…]`.",
    );
  if (problem?.kind === "marker-not-alone")
    add(
      line,
      `\`${problem.detail}\`: the marker must be alone on the quotation's first line`,
      "Put the text on the next line: `> [!NOTE]` then `> The text.`",
    );
  if (problem?.kind === "caption-without-table")
    add(
      line,
      `the caption \`${problem.detail.slice(0, 60)}\` is not directly above a table`,
      "Put `Table: …` on the line just above the table, or escape the colon (`Table\\:`) if it is ordinary text.",
    );
  if (token.type === "summary_open" && i !== 0)
    add(
      line,
      "the summary is not at the start of the section",
      "Put the `> [!SUMMARY]` quotation before the section's text, as its first block; a section has one summary at most.",
    );
  if ((token.type === "callout_close" || token.type === "summary_close") && /_open$/.test(tokens[i - 1].type))
    add(
      line,
      `the ${token.type.startsWith("summary") ? "summary" : "callout"} has no text`,
      "Write its text on the lines after the marker, each starting with `>`.",
    );
  if (token.type === "dt_open") {
    const text = plainText(tokens[i + 1].children ?? []);
    if (text === "") add(line, "the defined term has no text", "Write the term on the line above its `: definition`.");
    else scan.terms.push({ text, line });
  }
}
