import type { CheerioAPI } from "cheerio";
import type { Token } from "markdown-it";
import { markdown } from "../../src/render/markdown.ts";
import { normalizeSpace } from "./site.ts";

/**
 * What the site adds around the legal text, never part of it: permalinks, print headers, clause
 * numbers, a summary (marked data-non-binding), note numbers and the links back from notes. The verbatim
 * checks read main without them, so a sentence found there is in the legal text itself.
 */
export const NOT_LEGAL_TEXT = ".permalink, .print-header, .clause-number, [data-non-binding], .note-ref, .note-back";

/** The text of main as the verbatim checks read it. */
export function legalText($: CheerioAPI): string {
  const main = $("main").clone();
  main.find(NOT_LEGAL_TEXT).remove();
  return normalizeSpace(main.text());
}

/** An inline token's words as written, markup and note references dropped. */
const inlineWords = (children: Token[]): string =>
  normalizeSpace(
    children
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type.endsWith("break") ? " " : ""))
      .join(""),
  );

/** Every paragraph, list item, table cell, term, definition and note of a section body, outside its summary. */
export function legalBlocks(body: string): string[] {
  const blocks: string[] = [];
  let inSummary = false;
  for (const token of markdown.parse(body, {})) {
    if (token.type === "summary_open") inSummary = true;
    if (token.type === "summary_close") inSummary = false;
    if (token.type === "inline" && !inSummary) blocks.push(inlineWords(token.children ?? []));
  }
  return blocks.filter(Boolean);
}

/** The text of a section's summary, which must never count as legal text. */
export function summaryBlocks(body: string): string[] {
  const tokens = markdown.parse(body, {});
  const open = tokens.findIndex((t) => t.type === "summary_open");
  if (open === -1) return [];
  const close = tokens.findIndex((t, i) => i > open && t.type === "summary_close");
  return tokens
    .slice(open, close)
    .filter((t) => t.type === "inline")
    .map((t) => inlineWords(t.children ?? []));
}
