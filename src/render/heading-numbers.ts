import type { StateCore } from "markdown-it";

/**
 * Clause numbers in the headings themselves, so "3.b" can be found on screen, on paper and in a
 * PDF's bookmarks. The number is markup of its own, never part of the heading's words: the heading's
 * id, its permalink's name and the headings the build lists all come from the words alone, and
 * `data-pagefind-ignore` keeps it out of search excerpts, which quote only the policy.
 */
export const CLAUSE_NUMBER_CLASS = "clause-number";

/** The numbers for a page's headings, from their levels in order (src/render/clause-numbers.ts). */
export type NumberHeadings = (levels: number[]) => string[];

export const clauseNumberHtml = (number: string): string =>
  `<span class="${CLAUSE_NUMBER_CLASS}" data-pagefind-ignore>${number}</span> `;

/**
 * A markdown-it core rule, run after markdown-it-anchor (which has taken each heading's id and
 * permalink name from its words by then): puts each heading's number before its words when the
 * render's env asks for numbers.
 */
export function numberHeadings(state: StateCore): void {
  const number = (state.env as { numberHeadings?: NumberHeadings }).numberHeadings;
  if (!number) return;
  const opens = state.tokens.flatMap((token, i) => (token.type === "heading_open" ? [i] : []));
  const numbers = number(opens.map((i) => Number(state.tokens[i].tag.slice(1))));
  opens.forEach((i, n) => {
    const inline = state.tokens[i + 1];
    const mark = new state.Token("html_inline", "", 0);
    mark.content = clauseNumberHtml(numbers[n]);
    inline.children?.unshift(mark);
  });
}
