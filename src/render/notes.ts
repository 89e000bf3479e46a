import type { Env, MarkdownIt, Token } from "markdown-it";
import { generatedIds } from "../content/ids.ts";
import type { RenderEnv } from "./markdown.ts";

/**
 * Notes (markdown-it-footnote's footnotes), numbered in the order they are first referred to and
 * printed at the end of their section under a “Notes” heading. Ids come from the section and the
 * number (src/content/ids.ts), so they are unique where several sections' notes meet on the
 * whole-policy page and the same in every build. References and back-links have names of their
 * own (“Note 2”, “Back to note 2 in the text”), and search skips them, so excerpts quote the text.
 */
export function useNotes(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  rules.footnote_ref = (tokens, idx, _options, env) => {
    const { n, k, section } = place(tokens[idx], env);
    return `<sup class="note-ref" data-pagefind-ignore><a href="#${generatedIds.note(section, n)}" id="${generatedIds.noteRef(section, n, k)}"><span class="visually-hidden">Note </span>${n}</a></sup>`;
  };
  rules.footnote_block_open = (_tokens, _idx, _options, env) => {
    const { sectionId = "text", headingOffset } = (env ?? {}) as RenderEnv;
    const id = generatedIds.notes(sectionId);
    const heading = md.render(`## Notes {#${id}}`, { headingOffset });
    return `<div class="notes">\n${heading}<ol class="notes__list">\n`;
  };
  rules.footnote_block_close = () => "</ol>\n</div>\n";
  rules.footnote_open = (tokens, idx, _options, env) => {
    const { n, section } = place(tokens[idx], env);
    return `<li id="${generatedIds.note(section, n)}">`;
  };
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = backLink;
}

/** A drawn ↩, the same on every system (many fonts have no arrows), in the link's colour. */
const RETURN_ARROW =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16"><path d="M6 2 2 6l4 4M2 6h8a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" stroke-width="2"/></svg>';

function place(token: Token, env: Env | undefined): { n: number; k: number; section: string } {
  const meta = token.meta as { id: number; subId?: number };
  return { n: meta.id + 1, k: meta.subId ?? 0, section: (env as RenderEnv | undefined)?.sectionId ?? "text" };
}

function backLink(tokens: Token[], idx: number, _options: unknown, env: Env | undefined): string {
  const { n, k, section } = place(tokens[idx], env);
  const which = k === 0 ? `note ${n}` : `reference ${k + 1} to note ${n}`;
  return ` <a class="note-back" href="#${generatedIds.noteRef(section, n, k)}" data-pagefind-ignore>${RETURN_ARROW}<span class="visually-hidden">Back to ${which} in the text</span></a>`;
}
