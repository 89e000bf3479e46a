import type { Token } from "markdown-it";
import type { SyntaxProblem } from "./policy-syntax.ts";

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

/** Attributes markdown-it itself puts on a token; anything else came from a `{…}` the renderer drops. */
const NATIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  link_open: ["href", "title"],
  image: ["src", "alt", "title"],
  ordered_list_open: ["start"],
  th_open: ["style"],
  td_open: ["style"],
};

/** Inline content a summary may hold: text with emphasis, links and code. */
const SUMMARY_INLINE = /^(text|text_special|softbreak|hardbreak|code_inline|(em|strong|s|link)_(open|close))$/;
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
    if (token.type === "table_open") tableRowRules(tokens, i, sourceLines, bodyLine, add);
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

/** The cells of a table row as markdown-it splits it: on pipes not escaped, outer pipes dropped. */
export function rowCells(line: string): number {
  const cells = line
    .replace(/^[\s>]*/, "")
    .trim()
    .split(/(?<!\\)\|/);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === "") cells.pop();
  return cells.length;
}

/** markdown-it drops the cells of a row beyond the header's columns, without a word: refused here. */
function tableRowRules(tokens: Token[], open: number, sourceLines: string[], bodyLine: number, add: Add): void {
  let columns = 0;
  for (let i = open; tokens[i].type !== "table_close"; i++) {
    if (tokens[i].type === "th_open") columns++;
    if (tokens[i].type !== "tr_open" || tokens[i].map === null || tokens[i + 1].type === "th_open") continue;
    const line = tokens[i].map![0];
    const cells = rowCells(sourceLines[line] ?? "");
    if (cells > columns) {
      add(
        bodyLine + line,
        `the table row has ${cells} cells but the table has ${columns} columns`,
        "Add a header for the extra column, or join the cells: markdown-it would drop the extra ones. Escape a pipe inside a cell as `\\|`.",
      );
      return;
    }
  }
}

type Add = (line: number, problem: string, hint: string) => void;

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
  if (token.type === "table_open") {
    if (tokens[i + 1].type !== "caption_open")
      add(
        line,
        "the table has no caption",
        "Write `Table: what it lists` on the line just above it: the caption names the table for screen readers and in print.",
      );
    for (let j = i; tokens[j].type !== "thead_close"; j++) {
      if (tokens[j].type === "inline" && tokens[j].content.trim() === "") {
        add(
          line,
          "the table has a column without a header",
          "Write a header for every column in the table's first row.",
        );
        break;
      }
    }
  }
  if (token.type === "dt_open") {
    const text = plainText(tokens[i + 1].children ?? []);
    if (text === "") add(line, "the defined term has no text", "Write the term on the line above its `: definition`.");
    else scan.terms.push({ text, line });
  }
}

function checkAttributes(token: Token, line: number, add: Add): void {
  for (const [name, value] of token.attrs ?? []) {
    if (name === "id" || NATIVE_ATTRIBUTES[token.type]?.includes(name)) continue;
    const written = name === "class" ? `.${value}` : value === "" ? name : `${name}=${value}`;
    add(
      line,
      `the attribute \`{${written}}\` is not supported`,
      "Only headings take `{#id}`; other `{…}` would be dropped. To show braces as text, escape the first one: `\\{`.",
    );
  }
}

/** Note references in inline text, text that looks like one but is not, and inline notes' lines. */
function scanInlineNotes(
  children: Token[],
  firstLine: number,
  env: InspectorEnv,
  inSummary: boolean,
  add: Add,
  scan: RichTextScan,
): void {
  let line = firstLine;
  for (const child of children) {
    checkAttributes(child, line, add);
    if (inSummary && !SUMMARY_INLINE.test(child.type))
      add(
        line,
        "a summary holds plain text, emphasis, links and code only",
        "Notes, images and other markup belong in the section's text.",
      );
    if (child.type === "footnote_ref") {
      const note = env.footnotes?.list?.[(child.meta as { id: number }).id];
      if (note?.tokens) {
        scan.inlineNoteLines.set(note.tokens, line);
        scanInlineNotes(note.tokens, line, env, false, add, scan);
      }
    }
    if (child.type === "text") {
      for (const match of child.content.matchAll(/\[\^([^\]\n]*)\]/g))
        add(
          line,
          `\`${match[0]}\` is not a note reference: no note \`${match[0]}:\` is defined`,
          `Define it on its own line, \`${match[0]}: The note's text.\`, labels without spaces; to show it as text, escape it: \`\\${match[0]}\`.`,
        );
    }
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    line += (child.content.match(/\n/g) ?? []).length;
  }
}

function noteDefinitionRules(env: InspectorEnv, bodyLine: number, add: Add): void {
  const seen = new Set<string>();
  for (const { label, line: bodyIndex, empty } of env.noteDefinitions ?? []) {
    const line = bodyLine + bodyIndex;
    if (seen.has(label))
      add(
        line,
        `the note \`[^${label}]\` is defined twice`,
        "Give each note its own label, or delete one of the two definitions.",
      );
    seen.add(label);
    if (empty) add(line, `the note \`[^${label}]\` has no text`, "Write the note's text after `[^label]:`.");
    if (env.footnotes?.refs?.[`:${label}`] === -1)
      add(
        line,
        `the note \`[^${label}]\` is defined but never referenced`,
        `Refer to it in the text with \`[^${label}]\`, or delete it: an unreferenced note would not be shown.`,
      );
  }
}
