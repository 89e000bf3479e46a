import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import { generatedIds } from "../content/ids.ts";
import type { RenderEnv } from "./markdown.ts";

/**
 * Tables as readers need them (docs/editing.md, “Tables”):
 * - inside a labelled, focusable scroll container, so a wide table scrolls on its own and the page
 *   never scrolls sideways at 320 px (WCAG 1.4.10), and a keyboard can scroll it (axe's
 *   scrollable-region-focusable). https://adrianroselli.com/2020/11/under-engineered-responsive-tables.html
 *   It is a named group rather than a region landmark: two tables with one caption on the
 *   whole-policy page would be two landmarks with one name.
 * - the region is named by the table's caption, whose id is made from the section and the
 *   table's place in it;
 * - header cells say what they head (`scope="col"`);
 * - alignment as a class: markdown-it writes `style="text-align:…"`, which the CSP forbids.
 */
export function useTables(md: MarkdownIt): void {
  md.core.ruler.push("table_cells", (state: StateCore) => {
    let count = 0;
    for (const token of state.tokens) {
      if (token.type === "table_open") token.meta = { number: ++count };
      if (token.type === "th_open") token.attrSet("scope", "col");
      if (token.type === "th_open" || token.type === "td_open") alignAsClass(token);
    }
  });
  md.renderer.rules.table_open = (tokens, idx, _options, env) => {
    const captioned = tokens[idx + 1]?.type === "caption_open";
    const label = captioned ? `aria-labelledby="${captionId(tokens, idx, env)}"` : 'aria-label="Table"';
    return `<div class="table-scroll" role="group" tabindex="0" ${label}>\n<table>\n`;
  };
  md.renderer.rules.caption_open = (tokens, idx, _options, env) => `<caption id="${captionId(tokens, idx - 1, env)}">`;
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
}

function captionId(tokens: Token[], tableIndex: number, env: Env | undefined): string {
  return generatedIds.tableCaption(
    (env as RenderEnv | undefined)?.sectionId ?? "text",
    (tokens[tableIndex].meta as { number: number }).number,
  );
}

function alignAsClass(token: Token): void {
  const align = /^text-align:(left|right|center)$/.exec(String(token.attrGet("style") ?? ""))?.[1];
  if (align === undefined) return;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
  if (align !== "left") token.attrJoin("class", `align-${align}`);
}
