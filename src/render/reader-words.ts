import type { Env, MarkdownIt, StateCore } from "markdown-it";

/**
 * Reader words (`searchTerms` and `clauseSearchTerms` in front matter) are for the search index
 * alone. A section page carries only an empty marker where each list belongs: the section's
 * before its first clause (the section itself), a clause's at the end of that clause, before the
 * next heading, where Pagefind's sub-results count it as the clause's. The index stage puts the
 * words in place of the markers in the copy it gives Pagefind (src/search/search-index.ts), so
 * readers never download, see or hear them. https://pagefind.app/docs/sub-results/
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
 * word; the search page leaves whatever lies between two of them out of excerpts and marks
 * (assets/search/excerpts.js), so excerpts quote only the policy.
 */
export const READER_WORDS_MARK = "⁂";

/** The marker for one list: the clause id, or "" for the section's own words. */
export const readerWordsMarker = (key: string): string => `<div data-reader-words="${key}"></div>\n`;

const MARKER = /<div data-reader-words="([a-z0-9-]*)"><\/div>\n/g;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeAttribute = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/**
 * A list of reader words as the index needs it: each word once (a clause is no better an answer
 * for saying "data" five times), without the stop words a search never asks for. Phrases stay
 * apart, so Pagefind's text reads "sell data, email address".
 */
export function compactReaderWords(words: readonly string[], stopWords: ReadonlySet<string> = new Set()): string {
  const seen = new Set<string>();
  const keep = (word: string): boolean => {
    const key = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
    if (key === "" || stopWords.has(word.toLowerCase()) || stopWords.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  return words
    .map((phrase) => phrase.split(/\s+/).filter(keep).join(" "))
    .filter(Boolean)
    .join(", ");
}

/**
 * What Pagefind indexes in place of a marker: an element whose one attribute it indexes (never
 * shown), holding the words between two marks. https://pagefind.app/docs/indexing/#indexing-attributes
 */
export function readerWordsHtml(words: readonly string[], stopWords?: ReadonlySet<string>): string {
  const text = `${READER_WORDS_MARK} ${compactReaderWords(words, stopWords)} ${READER_WORDS_MARK}`;
  return `<div hidden data-pagefind-index-attrs="data-reader-words" data-reader-words="${escapeAttribute(text)}"></div>\n`;
}

/** A page as Pagefind indexes it: each marker replaced by its words (a marker without words, by nothing). */
export function withReaderWords(html: string, words: ReaderWords, stopWords?: ReadonlySet<string>): string {
  return html.replace(MARKER, (_, key: string) => {
    const list = key === "" ? words.section : words.clauses?.[key];
    return list?.length ? readerWordsHtml(list, stopWords) : "";
  });
}

/** Where each section's and clause's marker goes among the tokens of a section's body: [token index, key]. */
export function readerWordsPlaces(
  tokens: ReadonlyArray<{ type: string; attrGet(name: string): string | number | null }>,
  words: ReaderWords,
): Array<[index: number, key: string]> {
  const places: Array<[number, string]> = [];
  if (words.section?.length) places.push([0, ""]);
  const headings = tokens.flatMap((token, index) => (token.type === "heading_open" ? [index] : []));
  headings.forEach((index, n) => {
    const id = String(tokens[index].attrGet("id") ?? "");
    if (words.clauses?.[id]?.length) places.push([headings[n + 1] ?? tokens.length, id]);
  });
  return places;
}

function insertMarkers(state: StateCore): void {
  const words = (state.env as ReaderWordsEnv).readerWords;
  if (!words) return;
  // From the last place back, so each index still points where it did.
  for (const [index, key] of readerWordsPlaces(state.tokens, words).reverse()) {
    const token = new state.Token("html_block", "", 0);
    token.content = readerWordsMarker(key);
    state.tokens.splice(index, 0, token);
  }
}

/**
 * Registers the rule before markdown-it-anchor's, so each marker goes in before it wraps headings
 * and before the alias anchors: it lands just ahead of the next heading's whole markup.
 */
export function readerWordsPlugin(md: MarkdownIt): void {
  md.core.ruler.before("anchor", "reader_words", insertMarkers);
}
