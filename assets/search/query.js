// Query handling on top of Pagefind's own search: which words to search, which pages match, in
// what order. Every page set and score comes from Pagefind; this only decides what to ask it.
// https://pagefind.app/docs/api/

import { pageWords } from "./excerpts.js";
import { correctionDistance, nearestWords } from "./spelling.js";
import { exactQuery, likeness, parseQuery, plainWord } from "./words.js";

/**
 * @typedef {{ id: string, score: number, words: number[], data: () => Promise<object> }} Found
 *   one of Pagefind's results: its page, score, word positions and the loader of its record
 * @typedef {{ search(query: string, everywhere?: boolean): Promise<Found[]>, limited?: boolean }} Engine
 *   Pagefind's search, within the versions the reader chose (or every version, `everywhere`);
 *   `limited` when that is not every version
 * @typedef {{ text: string, phrase: boolean, exact: boolean, typed?: string, pages: Map<string, Found> }} Term
 *   a word or phrase searched for; `exact` when Pagefind was asked for it as written (a phrase, or
 *   a word the policy uses) rather than as the start of longer words
 * @typedef {{ stopWords?: readonly string[], words?: Readonly<Record<string, number>>, pages?: number }} Vocabulary
 */

const byPage = (found) => new Map(found.map((result) => [result.id, result]));

/**
 * Pagefind's results for a word or phrase, within the chosen versions or in all of them. A
 * phrase, and a word the policy uses, must match exactly: "police" then finds pages with the
 * word police (or a form sharing its stem) but not those with only "policy", which Pagefind
 * would otherwise take as a longer form of it. Any other word matches as Pagefind matches by
 * default, as the start of words, so a word still being typed ("cook") finds its endings. The
 * results are those of the plain search either way, whose scores rank pages and whose positions
 * hold every form of the word (an exact search gives one position and the same score to all).
 */
async function ask(term, engine, everywhere = false) {
  const plain = await engine.search(term.text, everywhere);
  if (!term.exact || plain.length === 0) return plain;
  const exact = new Set((await engine.search(exactQuery(term.text), everywhere)).map((result) => result.id));
  return plain.filter((result) => exact.has(result.id));
}

/** A word the policy lacks, searched as the nearest word it uses, if one is near enough and finds something. */
async function corrected(word, engine, vocabulary) {
  for (const candidate of nearestWords(word, vocabulary.words ?? {}, correctionDistance(word))) {
    const term = { text: candidate, phrase: false, exact: true, typed: word };
    const found = await ask(term, engine);
    if (found.length > 0) return { ...term, pages: byPage(found) };
  }
  return undefined;
}

/**
 * Whether Pagefind matched a word as typed: on the first page it found, some word there begins
 * with it ("info" → "information") or is much like it ("storing" → "store"). When the index holds
 * no word beginning with the one searched, Pagefind matches the longest word it holds that begins
 * the one searched ("updaet" → "up", "address" → "add"): that is no match for a reader.
 */
export async function matchedAsTyped(word, found) {
  const { content } = await found.data();
  const words = pageWords(content);
  const plain = plainWord(word);
  return found.words.some((p) => plainWord(words[p] ?? "").startsWith(plain) || likeness(words[p] ?? "", word) >= 0.5);
}

/**
 * One word or phrase with the pages Pagefind finds for it alone. A word that finds nothing (or
 * nothing like it, see matchedAsTyped) is searched as the nearest word the policy uses, if one is
 * near enough; otherwise it is dropped, noting whether an earlier version of the policy has it.
 */
async function lookUpTerm(term, engine, vocabulary) {
  const matches = async (everywhere) => {
    const found = await ask(term, engine, everywhere);
    return found.length > 0 && (term.exact || (await matchedAsTyped(term.text, found[0]))) ? found : [];
  };
  const found = await matches(false);
  if (found.length > 0) return { term: { ...term, pages: byPage(found) } };
  const fix = term.phrase ? undefined : await corrected(term.text, engine, vocabulary);
  if (fix) return { term: fix };
  const elsewhere = Boolean(engine.limited) && (await matches(true)).length > 0;
  return { dropped: { ...term, elsewhere } };
}

/** Each word and phrase, in the order typed: searched for, searched as another word, or dropped. */
async function lookUp(parsed, engine, vocabulary) {
  const used = (word) => Object.hasOwn(vocabulary.words ?? {}, plainWord(word));
  const asked = [
    ...parsed.phrases.map((text) => ({ text, phrase: true, exact: true })),
    ...parsed.words.map((text) => ({ text, phrase: false, exact: used(text) })),
  ];
  const outcomes = await Promise.all(asked.map((term) => lookUpTerm(term, engine, vocabulary)));
  return {
    terms: outcomes.flatMap((outcome) => (outcome.term ? [outcome.term] : [])),
    dropped: outcomes.flatMap((outcome) => (outcome.dropped ? [outcome.dropped] : [])),
  };
}

/** Pagefind's results for a set of terms, for their scores: a single term's own, or their words asked for together. */
const scoredResults = (terms, engine) =>
  terms.length === 1 ? [...terms[0].pages.values()] : engine.search(terms.map((term) => term.text).join(" "));

/** Pages holding every term, in Pagefind's order for all of them together. */
async function matchingAll(terms, engine) {
  const ids = [...terms[0].pages.keys()].filter((id) => terms.every((term) => term.pages.has(id)));
  if (ids.length === 0) return [];
  const ranked = await scoredResults(terms, engine);
  const wanted = new Set(ids);
  return ranked.filter((result) => wanted.has(result.id)).map((result) => ({ result, terms }));
}

/**
 * Pages holding some of the terms: most terms first, then Pagefind's score for the terms each
 * page holds (one search per set of terms held).
 */
async function matchingMost(terms, engine) {
  const held = new Map();
  for (const term of terms) for (const id of term.pages.keys()) held.set(id, [...(held.get(id) ?? []), term]);
  const groups = new Map();
  for (const [id, some] of held) {
    const key = some.map((term) => term.text).join("\n");
    groups.set(key, { terms: some, ids: [...(groups.get(key)?.ids ?? []), id] });
  }
  const ranked = await Promise.all(
    [...groups.values()].map(async ({ terms: some, ids }) => {
      const wanted = new Set(ids);
      const found = await scoredResults(some, engine);
      return found.filter((result) => wanted.has(result.id)).map((result) => ({ result, terms: some }));
    }),
  );
  return ranked.flat().sort((a, b) => b.terms.length - a.terms.length || b.result.score - a.result.score);
}

/**
 * Runs a reader's query. `mode` says what was found: "all" (pages with every word), "most" (no
 * page has them all: pages with most of them) or "none". Each hit carries the terms its page holds.
 * @param {string} query
 * @param {Engine} engine
 * @param {Vocabulary} vocabulary
 */
export async function runQuery(query, engine, vocabulary = {}) {
  const parsed = parseQuery(query, new Set(vocabulary.stopWords ?? []));
  const { terms, dropped } = await lookUp(parsed, engine, vocabulary);
  let hits = terms.length ? await matchingAll(terms, engine) : [];
  let mode = hits.length ? "all" : "none";
  if (!hits.length && terms.length > 1) {
    hits = await matchingMost(terms, engine);
    if (hits.length) mode = "most";
  }
  return { query, stopped: parsed.stopped, terms, dropped, mode, hits };
}
