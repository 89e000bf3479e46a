// A reader's query as words and exact phrases, with the words that only frame a question left out.

/** Runs of letters and digits, joined by an apostrophe or a hyphen: the rule src/search/vocabulary.ts uses for the vocabulary. */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** A query's words in lower case, with typographic apostrophes made plain ("I’m" → "i'm"). */
export function queryWords(text) {
  return [...text.toLowerCase().matchAll(WORD)].map(([word]) => word.replace(/’/g, "'"));
}

/**
 * A query as the search runs it:
 * - `phrases`: each "quoted phrase", searched exactly as typed (curly quotes count; an unclosed
 *   quote does not);
 * - `words`: the other words, once each, without the stop words;
 * - `stopped`: the stop words left out. A query of nothing but stop words keeps them, since
 *   leaving them out would leave nothing to search.
 * @param {string} query
 * @param {ReadonlySet<string>} stopWords
 */
export function parseQuery(query, stopWords) {
  const phrases = [];
  const rest = query.replace(/[“”„]/g, '"').replace(/"([^"]*)"/g, (_, inside) => {
    const phrase = queryWords(inside).join(" ");
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
    return " ";
  });
  const all = [...new Set(queryWords(rest.replace(/"/g, " ")))];
  const isStop = (word) => stopWords.has(word) || stopWords.has(word.replace(/'/g, ""));
  const words = all.filter((word) => !isStop(word));
  if (words.length === 0 && phrases.length === 0) return { phrases, words: all, stopped: [] };
  return { phrases, words, stopped: all.filter(isStop) };
}

/** How a phrase is written for Pagefind's exact search. https://pagefind.app/docs/api/ */
export const exactQuery = (phrase) => `"${phrase}"`;

/** A word as compared with another: lower case, without a possessive "'s", apostrophes or hyphens ("E-mail" → "email"). */
export const plainWord = (word) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^\p{L}\p{N}]/gu, "");

function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * How alike a word of the page is to a word searched for, from 0 to 1: the share of the longer
 * word they begin with in common. 1 for the same word, 0.86 for "cookies" and "cookie", 0.57 for
 * "store" and "storing", 0.43 for "add" and "address".
 */
export function likeness(pageWord, searched) {
  const [a, b] = [plainWord(pageWord), plainWord(searched)];
  if (!a || !b) return 0;
  return commonPrefix(a, b) / Math.max(a.length, b.length);
}
