import { type ReaderWords, withReaderWords } from "../render/reader-words.ts";

/**
 * What Pagefind is given of a page beyond what readers get: its reader words in place of their
 * markers, and the number the contents gives each heading as that heading's title in the index
 * (`data-pagefind-title`, which names a sub-result and, unlike metadata, is never searched, so
 * "3.c" adds nothing to the index of a 10,000-section policy). https://pagefind.app/docs/sub-results/
 */
export interface IndexExtras {
  readerWords?: ReaderWords;
  /** Heading id → its number ("business-transfers" → "3.c"; on an archived version, "sharing" → "3"). */
  numbers?: ReadonlyMap<string, string>;
}

interface NumberedPolicy {
  sections: ReadonlyArray<{
    id: string;
    url: string;
    position: number;
    searchTerms?: readonly string[];
    clauseSearchTerms?: ReaderWords["clauses"];
    clauses: ReadonlyArray<{ id: string; number: string }>;
    inPolicy: { clauses: ReadonlyArray<{ id: string; number: string }> };
  }>;
}

/**
 * The extras of every searchable page by site path: each current section page (its reader words,
 * its clauses' numbers) and each archived version's page (its sections' and clauses' numbers).
 */
export function indexExtras(
  policy: NumberedPolicy,
  archived: ReadonlyArray<{ url: string; policy: NumberedPolicy }> = [],
): Map<string, IndexExtras> {
  const extras = new Map<string, IndexExtras>();
  for (const section of policy.sections) {
    extras.set(section.url, {
      readerWords: { section: section.searchTerms, clauses: section.clauseSearchTerms },
      numbers: new Map(section.clauses.map((clause) => [clause.id, clause.number])),
    });
  }
  for (const version of archived) {
    const numbers = version.policy.sections.flatMap((section) => [
      [section.id, String(section.position)] as const,
      ...section.inPolicy.clauses.map((clause) => [clause.id, clause.number] as const),
    ]);
    extras.set(version.url, { numbers: new Map(numbers) });
  }
  return extras;
}

const HEADING_WITH_ID = /<(h[1-6])\b([^>]*?)\sid="([^"]+)"/g;

/** A page as Pagefind indexes it: served as it is, plus its extras. */
export function indexedCopy(html: string, extras: IndexExtras, stopWords?: ReadonlySet<string>): string {
  const { readerWords, numbers } = extras;
  const withWords = readerWords ? withReaderWords(html, readerWords, stopWords) : html;
  if (!numbers?.size) return withWords;
  return withWords.replace(HEADING_WITH_ID, (tag, name: string, before: string, id: string) => {
    const number = numbers.get(id);
    return number ? `<${name}${before} id="${id}" data-pagefind-title="${number}"` : tag;
  });
}
