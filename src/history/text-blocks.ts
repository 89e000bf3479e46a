import type { MarkdownIt, Token } from "markdown-it";
import { markdown } from "../render/markdown.ts";

/**
 * One block of a section as a reader reads it: a heading or a run of text (a paragraph, a list
 * item, a table cell). Revisions are compared block by block on this text rather than on the
 * Markdown source, so a diff shows words, never `**`, `{#id}` or line wrapping.
 */
export interface TextBlock {
  kind: "heading" | "text";
  /** A heading's id: the same id in two versions means the same clause, however reworded. */
  id?: string;
  /** The heading level as written: clauses (`##`) are 2. */
  level?: number;
  text: string;
  /** The number of the note (a footnote, printed at the end of its section) the text belongs to, if any. */
  note?: number;
}

/** The text of an inline token as read: link targets kept (they can change the meaning), markup dropped. */
export function inlineText(children: Token[]): string {
  let text = "";
  const hrefs: string[] = [];
  let linkStart = 0;
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "image") text += child.content;
    else if (child.type === "link_open") {
      hrefs.push(String(child.attrGet("href") ?? ""));
      linkStart = text.length;
    } else if (child.type === "link_close") {
      const href = hrefs.pop() ?? "";
      if (href !== "" && text.slice(linkStart) !== href) text += ` (${href})`;
    }
  }
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The headings and text blocks of a section's Markdown body, in order. A section's summary
 * (`> [!SUMMARY]`) is no part of the policy, so a change to it is not a change to the policy.
 */
export function bodyBlocks(body: string, md: MarkdownIt = markdown): TextBlock[] {
  const blocks: TextBlock[] = [];
  const tokens = md.parse(body, {});
  let inSummary = false;
  let note: number | undefined;
  tokens.forEach((token, i) => {
    if (token.type === "summary_open" || token.type === "summary_close") inSummary = token.type === "summary_open";
    // markdown-it-footnote numbers notes from 0 in the order they are first referred to, as the pages do.
    if (token.type === "footnote_open") note = (token.meta as { id: number }).id + 1;
    if (token.type === "footnote_close") note = undefined;
    if (token.type !== "inline" || inSummary) return;
    const text = inlineText(token.children ?? []);
    if (text === "") return;
    const open = tokens[i - 1];
    if (open?.type === "heading_open") {
      blocks.push({ kind: "heading", id: String(open.attrGet("id") ?? ""), level: Number(open.tag.slice(1)), text });
    } else {
      blocks.push(note === undefined ? { kind: "text", text } : { kind: "text", text, note });
    }
  });
  return blocks;
}
