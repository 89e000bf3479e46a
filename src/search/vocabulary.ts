import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { stopWordsFor } from "./stop-words.ts";

/**
 * The search page's word list, written beside Pagefind's bundle at build time: the stop words of
 * the site's language, and every word the index holds with the number of pages that hold it. The
 * page suggests the nearest of these words when a reader's word is not in the policy (a typo,
 * another spelling), and weighs rare words above common ones when it ranks clauses.
 */
export interface Vocabulary {
  language: string;
  /** Pages in the index. */
  pages: number;
  stopWords: readonly string[];
  /** Word → how many pages hold it; sorted by word, so two builds of the same site write the same bytes. */
  words: Record<string, number>;
}

export const VOCABULARY_FILE = "vocabulary.json";

/** Runs of letters and digits, joined by an apostrophe or a hyphen: the same rule assets/search/words.js uses for queries. */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * The words of a text as the vocabulary keeps them: lower case, a possessive "'s" and other
 * apostrophes dropped ("computer's" → "computer"), a hyphenated word both whole and in parts
 * ("e-mail" → "email", "mail"), and only words of three letters or more without digits, which
 * are worth suggesting.
 */
export function vocabularyWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).flatMap(wordsOfToken);
}

/** The vocabulary's words of one lower-case token ("e-mail" → "email", "mail"). */
function wordsOfToken(token: string): string[] {
  const plain = token.replace(/['’]s$/, "").replace(/['’]/g, "");
  const parts = plain.split("-");
  return (parts.length > 1 ? [parts.join(""), ...parts] : parts).filter(
    (word) => word.length >= 3 && !/\p{N}/u.test(word),
  );
}

/** The vocabulary of a set of page texts (one entry per page), leaving out the language's stop words. */
export function buildVocabulary(pageTexts: Iterable<string>, language: string): Vocabulary {
  const stopWords = stopWordsFor(language);
  const stop = new Set(stopWords);
  const counts = new Map<string, number>();
  // Pages repeat most of their words, so each distinct token is split only once.
  const known = new Map<string, string[]>();
  let pages = 0;
  for (const text of pageTexts) {
    pages++;
    const words = new Set<string>();
    for (const token of new Set(text.toLowerCase().match(WORD))) {
      if (!known.has(token))
        known.set(
          token,
          wordsOfToken(token).filter((word) => !stop.has(word)),
        );
      for (const word of known.get(token)!) words.add(word);
    }
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { language, pages, stopWords, words };
}

interface Fragment {
  content: string;
}

/**
 * The text of every page Pagefind indexed, from its fragment files (gzip, "pagefind_dcd", then
 * JSON): one page per file, or a group of pages keyed by hash, as Pagefind 1.6 writes them.
 */
export function* indexedTexts(bundleDir: string): Generator<string> {
  const dir = path.join(bundleDir, "fragment");
  for (const name of readdirSync(dir).sort()) {
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString("utf8");
    const json = JSON.parse(text.slice(text.indexOf("{"))) as Fragment | Record<string, Fragment>;
    const fragments = typeof json.content === "string" ? [json as Fragment] : Object.values(json as object);
    for (const fragment of fragments as Fragment[]) yield fragment.content;
  }
}

/** Writes the vocabulary of a written Pagefind bundle into it, as `vocabulary.json`. */
export function writeVocabulary(bundleDir: string, language: string): Vocabulary {
  const vocabulary = buildVocabulary(indexedTexts(bundleDir), language);
  writeFileSync(path.join(bundleDir, VOCABULARY_FILE), `${JSON.stringify(vocabulary)}\n`);
  return vocabulary;
}
