import type { ComparableSection, SectionChange } from "./compare.ts";
import type { Comparer, RenderedChange } from "./comparer.ts";

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
 * Every pair of versions, older first: n versions make n(n-1)/2 compare pages (1,225 for 50),
 * each reachable from every version page. The comparer remembers each pair of section texts, so
 * a pair of versions costs little more than the sections that differ (docs/performance.md).
 */
export function comparisonsOf(oldestFirst: readonly ComparedVersion[], comparer: Comparer): Comparison[] {
  const pairs: Comparison[] = [];
  for (let from = 0; from < oldestFirst.length; from++) {
    for (let to = from + 1; to < oldestFirst.length; to++) pairs.push(compareVersions(oldestFirst, from, to, comparer));
  }
  return pairs;
}
