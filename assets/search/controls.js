// The search page's controls, as pure functions: Pagefind's options, the address, the arrow
// keys, queries that overtake each other, what a page of results holds.

import { resultView } from "./parts.js";
import { nearestWords } from "./spelling.js";

/** Results shown at a time; "Show more results" adds as many again. */
export const PAGE_SIZE = 10;

/**
 * Pagefind's options in the browser: its ranking, tuned for a short legal text (a long section
 * that mentions a word once should not beat a short one about it), with the numbers the results
 * show kept out of it. Result addresses and excerpts are made here, so no highlight parameter.
 * https://pagefind.app/docs/search-config/ https://pagefind.app/docs/ranking/
 */
export function pagefindOptions(prefix) {
  return {
    baseUrl: prefix,
    excerptLength: 30,
    ranking: { pageLength: 0.5, termFrequency: 1.0, termSaturation: 1.2, metaWeights: { number: 0, numbers: 0 } },
  };
}

/** Wraps an async function so that a call overtaken by a later one settles as null, whatever order they finish in. */
export function latestOnly(run) {
  let latest = 0;
  return async (...args) => {
    const call = ++latest;
    try {
      const value = await run(...args);
      return call === latest ? value : null;
    } catch (error) {
      if (call === latest) throw error;
      return null;
    }
  };
}

/** Where an arrow key moves focus among the field (-1) and the results (0 to count - 1); null: leave the key alone. */
export function arrowTarget(key, index, count) {
  if (count === 0) return null;
  if (key === "ArrowDown") return Math.min(index + 1, count - 1);
  if (key === "ArrowUp" && index >= 0) return index - 1;
  return null;
}

/** The page's address for a query, to share or come back to; an empty query drops ?q=, earlier versions add versions=all. */
export function addressFor(href, query, everyVersion = false) {
  const url = new URL(href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  if (everyVersion) url.searchParams.set("versions", "all");
  else url.searchParams.delete("versions");
  return url.href;
}

/**
 * How much each term counts when clauses are ranked: the rarer across pages, the more, by the
 * inverse document frequency Pagefind's own ranking uses (BM25's).
 */
export function termWeights(terms, pages = 0) {
  return new Map(
    terms.map((term) => {
      const holding = term.pages.size;
      const total = Math.max(pages, holding);
      return [term.text, Math.log(1 + (total - holding + 0.5) / (holding + 0.5))];
    }),
  );
}

/** The words a result page marks: each word searched for, a phrase as one. */
export const highlightWords = (outcome) => outcome.terms.map((term) => term.text);

/** Nearest words the policy uses for the words it does not, for a query that found nothing. */
export function suggestions(outcome, vocabulary, limit = 5) {
  const found = outcome.dropped
    .filter((term) => !term.phrase && !term.elsewhere)
    .flatMap((term) => nearestWords(term.text, vocabulary.words ?? {}, term.text.length < 6 ? 2 : 3, 3));
  return [...new Set(found)].slice(0, limit);
}

/** The result views of some hits, from their Pagefind records (each hit's terms with their positions on its page). */
export function loadViews(hits, weights) {
  return Promise.all(
    hits.map(async ({ result, terms }) => {
      const fragment = await result.data();
      const held = terms.map((term) => ({ ...term, positions: term.pages.get(result.id)?.words ?? [] }));
      return resultView(fragment, held, weights);
    }),
  );
}
