import type { Policy } from "../render/policy.ts";
import type { SectionChangeKind } from "./compare.ts";
import { createComparer } from "./comparer.ts";
import {
  type ComparedRef,
  type Comparer,
  type Comparison,
  comparedWith,
  comparisonsOf,
  notesFor,
} from "./comparisons.ts";
import type { RenderedChange } from "./diff-html.ts";
import type { VersionSource } from "./read-versions.ts";
import { type SectionHistory, sectionHistories } from "./section-history.ts";
import { dayStart, feedDates, statusesOn, type VersionStatus } from "./timeline.ts";

export type { Comparison, SectionComparison } from "./comparisons.ts";
export type { RenderedChange } from "./diff-html.ts";
export type { SectionHistory } from "./section-history.ts";

export interface SectionRef {
  id: string;
  title: string;
}

export interface VersionRef {
  effectiveDate: string;
  url: string;
}

/** A typo fixed under a version's date, as /history/ lists it. */
export interface VersionCorrection {
  date: string;
  note: string;
  sections: SectionRef[];
}

/** One version of the policy as the history pages show it. */
export interface PolicyVersion {
  effectiveDate: string;
  /** Midnight UTC of the effective date, the same on every build. */
  date: Date;
  /** The day it was announced, when it was published ahead of its date (the version lock). */
  announced?: string;
  /** Its feed entry's dates (src/history/timeline.ts): never the day of the build. */
  published: Date;
  updated: Date;
  summary: string;
  /** On the build's day: replaced, in force, or announced ahead. */
  status: VersionStatus;
  /** In force: the main pages show this version. */
  current: boolean;
  upcoming: boolean;
  /** Its permanent page: the full text as it read from that date. */
  url: string;
  policy: Policy;
  /** The version before it, if any, and the compare view against it. */
  previous: VersionRef | null;
  /** The version after it, if any (in force or announced). */
  next: VersionRef | null;
  /** The versions it has a compare view with, built ahead (`History.comparisons`), newest first. */
  comparedWith: Array<ComparedRef & { compareUrl: string }>;
  changesUrl: string | null;
  /** Against the version before, each changed section with its change note. */
  changes: Comparison["changes"];
  /** What changed in each section and why, by section id (version.json or site.json). */
  changeNotes: Record<string, string>;
  /** Typos fixed under this date, oldest first (src/content/version-lock.ts). */
  corrections: VersionCorrection[];
  added: SectionRef[];
  removed: SectionRef[];
  changed: SectionRef[];
  unchanged: SectionRef[];
}

export interface History {
  /** Newest first: announced versions, the one in force, then the ones it replaced. */
  versions: PolicyVersion[];
  /** The version in force on the build's day. */
  current: PolicyVersion;
  /** Versions announced ahead of their date, the next to take effect first. */
  upcoming: PolicyVersion[];
  /** The versions the one in force replaced, newest first (searchable as earlier versions). */
  archived: PolicyVersion[];
  /** Every version that has a previous one to compare with, newest first. */
  compared: PolicyVersion[];
  /**
   * The pairs of versions built ahead, at /history/compare/<older>...<newer>/: each with the one
   * before it, the one in force and the newest (src/history/comparisons.ts, `linkedPairs`).
   */
  comparisons: Comparison[];
  /** Whether that is every pair; if not, the others are compared in the browser (assets/compare-view.js). */
  everyPairBuilt: boolean;
  sections: SectionHistory<PolicyVersion>[];
  /** The newest date in the feed. */
  feedUpdated: Date;
}

export const versionUrl = (effectiveDate: string): string => `/history/${effectiveDate}/`;

/** A version as stored, with its text rendered, and the day it was announced if it was announced ahead. */
export type VersionInput = VersionSource & { policy: Policy; announced?: string };

const refs = (changes: RenderedChange[], kind: SectionChangeKind): SectionRef[] =>
  changes.filter((c) => c.change === kind).map(({ id, title }) => ({ id, title }));

function toVersion(source: VersionInput, before: VersionInput | undefined, status: VersionStatus, comparer: Comparer) {
  const { policy } = source;
  const changeNotes = source.changeNotes ?? {};
  const compared = before ? comparer.compare(before.policy.sections, policy.sections) : [];
  const changes = compared.map((change) => ({ ...change, notes: notesFor(change, [source]) }));
  const version: PolicyVersion = {
    effectiveDate: source.effectiveDate,
    date: dayStart(source.effectiveDate),
    ...(source.announced ? { announced: source.announced } : {}),
    ...feedDates(source.effectiveDate, source.announced, status),
    summary: source.summary,
    status,
    current: status === "current",
    upcoming: status === "upcoming",
    url: versionUrl(source.effectiveDate),
    policy,
    previous: before ? { effectiveDate: before.effectiveDate, url: versionUrl(before.effectiveDate) } : null,
    next: null,
    comparedWith: [],
    changesUrl: before ? `${versionUrl(source.effectiveDate)}changes/` : null,
    changes,
    changeNotes,
    corrections: (source.corrections ?? []).map(({ date, note, sections }) => ({
      date,
      note,
      sections: sections.map((id) => ({ id, title: policy.sections.find((s) => s.id === id)?.title ?? id })),
    })),
    // The first version has no earlier one: all its sections were added then.
    added: before ? refs(compared, "added") : policy.sections.map(({ id, title }) => ({ id, title })),
    removed: refs(compared, "removed"),
    changed: refs(compared, "changed"),
    unchanged: refs(compared, "unchanged"),
  };
  return version;
}

/**
 * Builds the history from every version, oldest first, on the given day: the last version whose
 * date has come is in force, later ones are announced ahead. Throws if none is in force: the
 * content stage (src/pipeline/load-policy.ts) reports that first, as a content problem.
 */
export function buildHistory(oldestFirstSources: VersionInput[], today: string): History {
  const comparer = createComparer();
  const statuses = statusesOn(
    oldestFirstSources.map((s) => s.effectiveDate),
    today,
  );
  if (!statuses.includes("current")) throw new Error(`no version is in force on ${today}`);
  const oldestFirst = oldestFirstSources.map((source, i) =>
    toVersion(source, oldestFirstSources[i - 1], statuses[i], comparer),
  );
  oldestFirst.forEach((version, i) => {
    const newer = oldestFirst[i + 1];
    version.next = newer ? { effectiveDate: newer.effectiveDate, url: newer.url } : null;
  });
  const versions = [...oldestFirst].reverse();
  const current = versions.find((v) => v.current)!;
  const comparisons = comparisonsOf(oldestFirst, statuses.indexOf("current"), comparer);
  for (const version of versions) version.comparedWith = comparedWith(comparisons, version.effectiveDate);
  return {
    versions,
    current,
    upcoming: oldestFirst.filter((v) => v.upcoming),
    archived: versions.filter((v) => v.status === "superseded"),
    compared: versions.filter((v) => v.previous !== null),
    comparisons,
    everyPairBuilt: comparisons.length === (oldestFirst.length * (oldestFirst.length - 1)) / 2,
    sections: sectionHistories(oldestFirst, current),
    feedUpdated: new Date(Math.max(...versions.map((v) => v.updated.getTime()))),
  };
}
