import type { ComparableSection, SectionChange } from "./compare.ts";
import type { RenderedChange } from "./diff-html.ts";

/** Compares versions' sections (src/history/comparer.ts in the build, the browser's own in assets/compare-view.js). */
export interface Comparer {
  /** Every section of two versions compared, in the newer one's order, then the ones it dropped. */
  compare(before: ComparableSection[], after: ComparableSection[]): RenderedChange[];
}

/** A version's note on what changed in a section and why (version.json or site.json, `changeNotes`). */
export interface DatedNote {
  /** The version that made the change. */
  effectiveDate: string;
  note: string;
}

/** A section compared between two versions, with the notes of the versions that changed it in between. */
export interface SectionComparison extends RenderedChange {
  notes: DatedNote[];
}

/** A compared version: its page, and whether it is in force, replaced or announced on the build's day. */
export interface ComparedRef {
  effectiveDate: string;
  url: string;
  status?: string;
}

/** Two versions compared: the older one first. */
export interface Comparison {
  from: ComparedRef;
  to: ComparedRef;
  /** The versions that made the changes: each after the older one, up to the newer, oldest first. */
  between: Array<ComparedRef & { summary?: string; changesUrl: string }>;
  /** /history/compare/<older>...<newer>/: one stable address per pair. */
  url: string;
  /** Every section, in the newer version's order, then the ones it dropped. */
  changes: SectionComparison[];
  unchanged: Array<{ id: string; title: string }>;
}

/** The fields of a version the comparisons read. */
interface ComparedVersion {
  effectiveDate: string;
  status?: string;
  summary?: string;
  changeNotes?: Record<string, string>;
  policy: { sections: ComparableSection[] };
}

export const compareUrl = (older: string, newer: string): string => `/history/compare/${older}...${newer}/`;

const versionUrl = (effectiveDate: string): string => `/history/${effectiveDate}/`;

/**
 * The notes on a section from the versions that lie between two compared ones (each after the
 * older, up to the newer), oldest first. A section that ended up unchanged has none to show.
 */
export function notesFor(change: SectionChange, between: readonly ComparedVersion[]): DatedNote[] {
  if (change.change === "unchanged") return [];
  return between.flatMap((version) => {
    const note = version.changeNotes?.[change.id];
    return note === undefined ? [] : [{ effectiveDate: version.effectiveDate, note }];
  });
}

/** Two versions compared, `oldestFirst[from]` with `oldestFirst[to]`. */
export function compareVersions(
  oldestFirst: readonly ComparedVersion[],
  from: number,
  to: number,
  comparer: Comparer,
): Comparison {
  const [older, newer] = [oldestFirst[from], oldestFirst[to]];
  const between = oldestFirst.slice(from + 1, to + 1);
  const changes = comparer
    .compare(older.policy.sections, newer.policy.sections)
    .map((change) => ({ ...change, notes: notesFor(change, between) }));
  const ref = (v: ComparedVersion): ComparedRef => ({
    effectiveDate: v.effectiveDate,
    url: versionUrl(v.effectiveDate),
    ...(v.status ? { status: v.status } : {}),
  });
  return {
    from: ref(older),
    to: ref(newer),
    between: between.map((v) => ({
      ...ref(v),
      summary: v.summary,
      changesUrl: `${versionUrl(v.effectiveDate)}changes/`,
    })),
    url: compareUrl(older.effectiveDate, newer.effectiveDate),
    changes,
    unchanged: changes.filter((c) => c.change === "unchanged").map(({ id, title }) => ({ id, title })),
  };
}

/**
 * The pairs of versions the site builds ahead and links, as indexes into the versions oldest first,
 * the older first: each version with the one before it, with the version in force, and with the
 * newest (when versions are announced ahead). That answers what readers ask most (what changed in
 * this version, what changed since the version I read), and grows by two pages a version, where
 * every pair would grow by the square of the versions: 97 pages instead of 1,225 at 50 versions
 * (docs/performance.md). The other pairs are compared in the browser, from the versions' JSON, by
 * the same code (assets/compare-view.js).
 */
export function linkedPairs(count: number, inForce: number): Array<[from: number, to: number]> {
  const pairs = new Set<string>();
  const link = (a: number, b: number): void => {
    if (a !== b && a >= 0 && b >= 0) pairs.add(`${Math.min(a, b)},${Math.max(a, b)}`);
  };
  for (let i = 0; i < count; i++) {
    link(i - 1, i);
    link(i, inForce);
    link(i, count - 1);
  }
  return [...pairs]
    .map((pair) => pair.split(",").map(Number) as [number, number])
    .sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2);
}

/** The pairs of versions the site builds ahead (`linkedPairs`), each compared. */
export function comparisonsOf(
  oldestFirst: readonly ComparedVersion[],
  inForce: number,
  comparer: Comparer,
): Comparison[] {
  return linkedPairs(oldestFirst.length, inForce).map(([from, to]) => compareVersions(oldestFirst, from, to, comparer));
}

/** The versions one version has a compare view with, among `pairs`, newest first, each with the view's address. */
export function comparedWith(
  pairs: readonly Comparison[],
  effectiveDate: string,
): Array<ComparedRef & { compareUrl: string }> {
  return pairs
    .filter((pair) => pair.from.effectiveDate === effectiveDate || pair.to.effectiveDate === effectiveDate)
    .map((pair) => {
      const other = pair.from.effectiveDate === effectiveDate ? pair.to : pair.from;
      return { ...other, compareUrl: pair.url };
    })
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1));
}
