import type { Env, MarkdownIt, StateCore } from "markdown-it";

/**
 * Reader words (`searchTerms` and `clauseSearchTerms` in front matter) go into a section page as
 * hidden elements whose one attribute Pagefind indexes, so they are never shown and never read
 * out. Each sits where Pagefind's sub-results need it: the section's words before its first
 * clause (the section itself), a clause's words at the end of that clause, before the next
 * heading. https://pagefind.app/docs/indexing/#indexing-attributes
 */
export interface ReaderWords {
  section?: readonly string[];
  /** Clause id → words; the content rules have checked every id is a clause of the section. */
  clauses?: Readonly<Record<string, readonly string[]>>;
}

export interface ReaderWordsEnv extends Env {
  readerWords?: ReaderWords;
}

/**
 * Opens and closes reader words in Pagefind's text. Not a letter or digit, so never indexed as a
 * word; assets/search/clauses.js leaves whatever lies between two of them out of excerpts and
 * marks, so excerpts quote only the policy.
 */
export const READER_WORDS_MARK = "⁂";

const OPENING = '<div hidden data-pagefind-index-attrs="data-reader-words" data-reader-words="';
const CLOSING = '"></div>\n';

/** The hidden element for a list of reader words; `escapeHtml` is the renderer's HTML escape (so no `"` is left in the value). */
export function readerWordsHtml(words: readonly string[], escapeHtml: (text: string) => string): string {
  return `${OPENING}${escapeHtml(`${READER_WORDS_MARK} ${words.join(", ")} ${READER_WORDS_MARK}`)}${CLOSING}`;
}

const READER_WORDS_ELEMENT = new RegExp(`${OPENING}[^"]*${CLOSING}`, "g");

/**
 * A page without its reader words, as it is served once Pagefind has indexed them
 * (src/search/search-index.ts): readers never see them, so they need not download them.
 */
export const withoutReaderWords = (html: string): string => html.replace(READER_WORDS_ELEMENT, "");

/** Where each block of reader words goes among the tokens of a section's body: [token index, words]. */
export function readerWordsPlaces(
  tokens: ReadonlyArray<{ type: string; attrGet(name: string): string | number | null }>,
  words: ReaderWords,
): Array<[index: number, words: readonly string[]]> {
  const places: Array<[number, readonly string[]]> = [];
  if (words.section?.length) places.push([0, words.section]);
  const headings = tokens.flatMap((token, index) => (token.type === "heading_open" ? [index] : []));
  headings.forEach((index, n) => {
    const clauseWords = words.clauses?.[String(tokens[index].attrGet("id") ?? "")];
    if (clauseWords?.length) places.push([headings[n + 1] ?? tokens.length, clauseWords]);
  });
  return places;
}

function insertReaderWords(state: StateCore): void {
  const words = (state.env as ReaderWordsEnv).readerWords;
  if (!words) return;
  const { escapeHtml } = state.md.utils;
  // From the last place back, so each index still points where it did.
  for (const [index, list] of readerWordsPlaces(state.tokens, words).reverse()) {
    const token = new state.Token("html_block", "", 0);
    token.content = readerWordsHtml(list, escapeHtml);
    state.tokens.splice(index, 0, token);
  }
}

/**
 * Registers the rule before markdown-it-anchor's, so the blocks go in before it wraps headings
 * and before the alias anchors: each lands just ahead of the next heading's whole markup.
 */
export function readerWordsPlugin(md: MarkdownIt): void {
  md.core.ruler.before("anchor", "reader_words", insertReaderWords);
}
