import type { MarkdownIt, StateCore, Token } from "markdown-it";
import deflist from "markdown-it-deflist";
import footnote from "markdown-it-footnote";

/**
 * The Markdown a policy may be written in beyond CommonMark, as parse rules only: the site's
 * renderer (src/render/markdown.ts) and the content checks' inspector (markdown-rules.ts) both
 * use it, so what is checked is exactly what is rendered. Rendering lives in src/render.
 * - GFM tables (markdown-it's own), with a caption written as a paragraph `Table: …` just above;
 * - notes: `[^1]` references and `[^1]: …` definitions (markdown-it-footnote), `^[…]` inline;
 * - defined terms: a definition list (markdown-it-deflist), `Term` then `: definition`;
 * - callouts: a quotation whose first line is `[!NOTE]`, `[!IMPORTANT]` …, as GitHub writes them;
 * - a non-binding summary: a quotation whose first line is `[!SUMMARY]`, first in the section.
 */

/** Callout kinds and the label each shows; `[!note]` and `[!NOTE]` are the same. */
export const CALLOUT_LABELS: Readonly<Record<string, string>> = {
  note: "Note",
  tip: "Tip",
  important: "Important",
  warning: "Warning",
  caution: "Caution",
};

/** The marker of a summary: a quotation starting `[!SUMMARY]`. */
export const SUMMARY_KIND = "summary";

/** A caption is a paragraph starting with this, directly above its table (as pandoc writes it). */
export const CAPTION_PREFIX = "Table:";

/** `[!WORD]` at the start of a quotation's first line; `rest` is what follows it on that line.
 * Anything between `[!` and `]` is read as a marker, so a misspelt one is refused, not shown. */
const MARKER = /^\[!([^\]\n]*)\]([^\n]*)(?:\n|$)/;

/** What the parse rules could not make sense of, kept on the token for the content checks. */
export interface SyntaxProblem {
  kind: "unknown-callout" | "marker-not-alone" | "caption-without-table";
  detail: string;
}

export function usePolicySyntax(md: MarkdownIt): void {
  md.use(footnote);
  md.use(deflist);
  // Each render starts with no notes: one env is shared by every section of the whole-policy page.
  md.core.ruler.before("block", "notes_reset", (state: StateCore) => {
    delete (state.env as { footnotes?: unknown }).footnotes;
  });
  // After the blocks are known and before their inline text is parsed, so markers and the
  // caption prefix never reach the text.
  md.core.ruler.after("block", "policy_blocks", (state: StateCore) => {
    markQuotations(state.tokens);
    attachCaptions(state.tokens, state.Token);
  });
}

/** The index of the token closing the one opened at `open` (same nesting level). */
export function closingIndex(tokens: Token[], open: number): number {
  const closeType = tokens[open].type.replace(/_open$/, "_close");
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i].level === tokens[open].level && tokens[i].type === closeType) return i;
  }
  return tokens.length - 1;
}

/** Turns `> [!NOTE]` quotations into callouts and `> [!SUMMARY]` into a summary. */
function markQuotations(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== "blockquote_open" || tokens[i + 1]?.type !== "paragraph_open") continue;
    const inline = tokens[i + 2];
    const marker = MARKER.exec(inline.content);
    if (!marker) continue;
    const kind = marker[1].trim().toLowerCase();
    const close = closingIndex(tokens, i);
    if (marker[2].trim() !== "") {
      tokens[i].meta = { problem: { kind: "marker-not-alone", detail: marker[0].trim() } satisfies SyntaxProblem };
      continue;
    }
    if (kind !== SUMMARY_KIND && !(kind in CALLOUT_LABELS)) {
      tokens[i].meta = { problem: { kind: "unknown-callout", detail: `[!${marker[1]}]` } satisfies SyntaxProblem };
      continue;
    }
    const type = kind === SUMMARY_KIND ? "summary" : "callout";
    Object.assign(tokens[i], { type: `${type}_open`, tag: "div", meta: { kind } });
    Object.assign(tokens[close], { type: `${type}_close`, tag: "div" });
    inline.content = inline.content.slice(marker[0].length);
    // A marker on a line of its own leaves an empty first paragraph: drop it; else that
    // paragraph now starts a line further down.
    if (inline.content.trim() === "") tokens.splice(i + 1, 3);
    else for (const t of [tokens[i + 1], inline]) if (t.map) t.map = [t.map[0] + 1, t.map[1]];
  }
}

/** Moves a `Table: …` paragraph into the table right below it as its caption. */
function attachCaptions(tokens: Token[], TokenClass: StateCore["Token"]): void {
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i + 1];
    if (tokens[i].type !== "paragraph_open" || !inline?.content.startsWith(CAPTION_PREFIX)) continue;
    if (tokens[i + 3]?.type !== "table_open") {
      tokens[i].meta = {
        problem: { kind: "caption-without-table", detail: inline.content.split("\n")[0] } satisfies SyntaxProblem,
      };
      continue;
    }
    inline.content = inline.content.slice(CAPTION_PREFIX.length).trim();
    const open = new TokenClass("caption_open", "caption", 1);
    const close = new TokenClass("caption_close", "caption", -1);
    open.map = tokens[i].map;
    open.block = close.block = true;
    open.level = close.level = tokens[i + 3].level + 1;
    inline.level = open.level + 1;
    tokens.splice(i, 4, tokens[i + 3], open, inline, close);
  }
}
