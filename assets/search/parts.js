// A found page as its result shows it: the page's own text, then its clauses (Pagefind's
// sub-results: one per heading with an id), the clauses that answer best first.
// https://pagefind.app/docs/sub-results/

import { excerptParts, hiddenPositions, pageWords } from "./excerpts.js";
import { likeness, queryWords } from "./words.js";

const wordCount = (text) => (text.trim() ? text.trim().split(/\s+/).length : 0);

/** A heading's own words, without a number the heading may already start with. */
const headingTitle = (text, number) => (number && text.startsWith(`${number} `) ? text.slice(number.length + 1) : text);

/** How many of the first words are the page's title (a section page opens with its h1). */
function titleLength(words, title) {
  const n = wordCount(title ?? "");
  const key = (list) => queryWords(list.join(" ")).join(" ");
  return n > 0 && key(words.slice(0, n)) === key(title.split(/\s+/)) ? n : 0;
}

/**
 * A page's parts, in order: its own text before the first heading, then one part per heading:
 * a clause on a section page, a section or clause on an archived version's page. Each has its
 * word range (`start` its heading, `body` its text, up to `end`) and the number the contents
 * gives it: the page's from its `number` metadata (pages/section.njk), a heading's as its title
 * in the index (src/search/indexed-copy.ts).
 */
export function pageParts(fragment, words) {
  const anchors = fragment.anchors
    .filter((anchor) => /^h\d$/i.test(anchor.element) && /\S/.test(anchor.text ?? ""))
    .sort((a, b) => a.location - b.location);
  const page = {
    id: "",
    start: 0,
    body: titleLength(words, fragment.meta.title),
    end: anchors[0]?.location ?? words.length,
  };
  return [
    { ...page, number: fragment.meta.number ?? "", title: fragment.meta.title ?? "" },
    ...anchors.map((anchor, i) => ({
      id: anchor.id,
      start: anchor.location,
      body: anchor.location + wordCount(anchor.text),
      end: anchors[i + 1]?.location ?? words.length,
      number: anchor.title ?? "",
      title: headingTitle(anchor.text, anchor.title ?? ""),
    })),
  ];
}

/** Every position a phrase's words stand at, one after another, in a page's words. */
export function phrasePositions(words, phrase) {
  const wanted = phrase.split(" ");
  const keys = words.map((word) => queryWords(word).join(" "));
  const found = [];
  for (let i = 0; i + wanted.length <= keys.length; i++) {
    if (wanted.every((word, k) => keys[i + k] === word)) for (let k = 0; k < wanted.length; k++) found.push(i + k);
  }
  return found;
}

/** Where each term was found on the page, with how alike the word there is to the one searched (a phrase: exactly). */
export function termHits(words, terms) {
  return new Map(
    terms.map((term) => {
      const positions = term.phrase ? phrasePositions(words, term.text) : term.positions;
      const strength = (p) => (term.phrase ? 1 : likeness(words[p], term.text));
      return [term.text, positions.map((position) => ({ position, strength: strength(position) }))];
    }),
  );
}

/**
 * How well a part answers, from the terms found in it: each term weighs by how rare it is across
 * pages and by how alike the word found is to the one searched, twice as much in the part's
 * heading or in reader words attached to it as in its text, and a little more for further hits.
 */
export function partScore(part, hits, weights, hidden) {
  let score = 0;
  for (const [term, found] of hits) {
    const inside = found.filter(({ position }) => position >= part.start && position < part.end);
    if (inside.length === 0) continue;
    const best = Math.max(
      ...inside.map(({ position, strength }) => strength * (position < part.body || hidden[position] ? 2 : 1)),
    );
    score += (weights.get(term) ?? 1) * (best + 0.25 * Math.min(inside.length - 1, 2));
  }
  return score;
}

/**
 * What a result shows: the page (title, number, the version it is from) with an excerpt of its
 * own text when that answers or when no clause does, and up to `maxClauses` clauses, best first.
 * @param {{ content: string, url: string, anchors: object[], meta: Record<string, string>, filters?: Record<string, string[]> }} fragment
 * @param {Array<{ text: string, phrase: boolean, positions: number[] }>} terms the terms the page holds, each
 *   with Pagefind's word positions for it (a phrase's are found here: Pagefind gives its first only)
 * @param {Map<string, number>} weights
 */
export function resultView(fragment, terms, weights, { maxClauses = 3, length = 30 } = {}) {
  const words = pageWords(fragment.content);
  const hidden = hiddenPositions(words);
  const hits = termHits(words, terms);
  // Marked where the word is like the one searched, not where Pagefind only stretched to match it.
  const marked = new Set(
    [...hits.values()]
      .flat()
      .flatMap(({ position, strength }) => (strength >= 0.5 && !hidden[position] ? [position] : [])),
  );
  const excerpt = (part) => excerptParts(words, part.body, part.end, { hidden, marked, length });
  const [page, ...clauses] = pageParts(fragment, words).map((part) => ({
    ...part,
    score: partScore(part, hits, weights, hidden),
  }));
  // Clauses that answer about as well as the best one, not every clause a common word touches.
  const bar = 0.5 * Math.max(0, ...clauses.map((clause) => clause.score));
  const shown = clauses
    .filter((clause) => clause.score > 0 && clause.score >= bar)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, maxClauses);
  const pageAnswers = [...marked].some((p) => p >= page.body && p < page.end);
  return {
    url: fragment.url,
    title: page.title,
    number: page.number,
    version: fragment.filters?.version?.[0] ?? "current",
    excerpt: pageAnswers || shown.length === 0 ? excerpt(page) : null,
    clauses: shown.map((clause) => ({
      id: clause.id,
      title: clause.title,
      number: clause.number,
      excerpt: excerpt(clause),
    })),
  };
}
