import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { listFiles } from "../lib/files.ts";
import { releaseMemory } from "../lib/release-memory.ts";
import { sitePathOf } from "../lib/urls.ts";
import { type IndexExtras, indexedCopy } from "./indexed-copy.ts";
import { stopWordsFor } from "./stop-words.ts";
import { writeVocabulary } from "./vocabulary.ts";

export interface SearchIndexOptions {
  /** The policy's language (`lang` in content/site.json), for Pagefind's stemming; "en" when not given. */
  language?: string;
  /** Given every HTML page ("/cookies/index.html" and its text) while Pagefind indexes it, so the site is read once. */
  visit?: (file: string, html: string) => void | Promise<void>;
  /** What Pagefind is given of each page beyond what readers get, by site path (./indexed-copy.ts). */
  extras?: ReadonlyMap<string, IndexExtras>;
  /**
   * Leaves Pagefind's process running for the next index, which then starts without waiting for
   * it (`npm start`); the index itself is deleted. `closeSearchService` stops it.
   */
  keepService?: boolean;
}

export interface SearchIndexResult {
  /** Pages in the index: those with `data-pagefind-body`, not every HTML file read. */
  pages: number;
}

/** Pagefind's entry file, `pagefind/pagefind-entry.json`: the languages indexed and their WebAssembly. */
interface SearchEntry {
  languages: Record<string, { page_count: number; wasm?: string }>;
}

/** How many pages the written index holds, from Pagefind's entry file. */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as SearchEntry;
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Files Pagefind writes that no page of ours loads: its three UI bundles (the search page has its
 * own results list on Pagefind's JavaScript API, assets/search.js) and the WebAssembly of languages
 * the index does not hold. Pagefind has no option to leave them out
 * (https://pagefind.app/docs/node-api/#indexwritefiles), so they are removed after writing.
 */
export function unusedSearchFiles(names: readonly string[], entryJson: string): string[] {
  const entry = JSON.parse(entryJson) as SearchEntry;
  const wasmUsed = new Set(Object.entries(entry.languages).map(([lang, info]) => `wasm.${info.wasm ?? lang}.pagefind`));
  return names.filter(
    (name) =>
      /^pagefind-(component-|modular-)?ui\.(js|css)$/.test(name) ||
      (/^wasm\..+\.pagefind$/.test(name) && !wasmUsed.has(name)),
  );
}

/**
 * Indexes the built site with Pagefind and writes its bundle to `<siteDir>/pagefind/`, with the
 * search page's vocabulary beside it (./vocabulary.ts). Only elements marked `data-pagefind-body`
 * are indexed (the section pages and archived versions), so the whole-policy page never shows up
 * as a duplicate result. https://pagefind.app/docs/indexing/
 *
 * Pagefind is given each page with its extras (./indexed-copy.ts: reader words, heading numbers);
 * the page served stays as it was written, without them.
 *
 * Files are added one by one in sorted order rather than with `addDirectory`: Pagefind's index
 * depends on the order it meets pages, and a directory's listing order differs between file
 * systems (ext4 and tmpfs gave different index hashes for the same site). Its Node API writes each
 * page to the service's stdin as it is added, and the service handles messages one at a time in
 * the order they arrive (pagefind/src/service/mod.rs), so up to PAGES_AHEAD pages are sent before
 * the first is answered without changing that order.
 */
const PAGES_AHEAD = 16;

export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const { language = "en", keepService = false } = options;
  const bundleDir = path.join(siteDir, "pagefind");
  let pages: number;
  let index: pagefind.PagefindIndex | undefined;
  let finished = false;
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    index = created.index;
    if (!index) throw new Error(["no index was created", ...created.errors].join("\n"));
    const errors = [...created.errors, ...(await addPages(index, siteDir, options))];
    releaseMemory();
    const written = await index.writeFiles({ outputPath: bundleDir });
    errors.push(...written.errors);
    if (errors.length > 0) throw new Error(errors.join("\n"));
    const entryJson = readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8");
    for (const name of unusedSearchFiles(readdirSync(bundleDir), entryJson)) rmSync(path.join(bundleDir, name));
    pages = indexedPageCount(entryJson);
    // Pagefind reports no error for a folder without indexable pages; a search that finds nothing would.
    if (pages === 0) throw new Error("no page was indexed: is `data-pagefind-body` on the section pages?");
    finished = true;
  } catch (cause) {
    throw new Error(`Failed to build the search index of ${siteDir}.`, { cause });
  } finally {
    await releaseService(index, keepService && finished);
  }
  // Once Pagefind's process has let go of the index it held: reading every record adds to neither peak.
  releaseMemory();
  writeVocabulary(bundleDir, language);
  return { pages };
}

/** Sends every HTML page holding `data-pagefind-body` to the index, in sorted order; Pagefind's errors. */
async function addPages(
  index: pagefind.PagefindIndex,
  siteDir: string,
  options: SearchIndexOptions,
): Promise<string[]> {
  const { language = "en", visit, extras } = options;
  const stopWords = new Set(stopWordsFor(language));
  const errors: string[] = [];
  const sent: Array<Promise<{ errors: string[] }>> = [];
  for (const file of listFiles(siteDir).filter((name) => name.endsWith(".html"))) {
    const content = readFileSync(path.join(siteDir, file), "utf8");
    // Pagefind would read a page without the attribute only to leave it out; the whole-policy
    // page alone is 23 MB at 10,000 sections (docs/performance.md).
    if (content.includes("data-pagefind-body")) {
      const url = sitePathOf(file);
      const extra = extras?.get(url);
      const adding = index.addHTMLFile({ url, content: extra ? indexedCopy(content, extra, stopWords) : content });
      adding.catch(() => {}); // Awaited below, in order; this only stops an early failure from counting as unhandled.
      sent.push(adding);
    }
    // Pagefind's process indexes the pages sent while this one reads and checks the next ones.
    await visit?.(`/${file}`, content);
    if (sent.length > PAGES_AHEAD) errors.push(...(await sent.shift()!).errors);
  }
  for (const adding of sent) errors.push(...(await adding).errors);
  return errors;
}

/**
 * After an index is written: deleted from a process kept for the next one, or the process stopped.
 * A failed build stops it too, so the next starts a fresh one.
 */
async function releaseService(index: pagefind.PagefindIndex | undefined, keep: boolean): Promise<void> {
  if (keep && index) {
    const deleted = await index.deleteIndex().then(
      () => true,
      () => false,
    );
    if (deleted) return;
  }
  await closeSearchService();
}

/** Stops Pagefind's process, if one is running; the next index starts another. */
export async function closeSearchService(): Promise<void> {
  await pagefind.close();
}
