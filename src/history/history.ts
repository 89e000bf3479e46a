import { type Policy, renderPolicy } from "../render/policy.ts";
import { compareSections, type SectionChange, type SectionChangeKind } from "./compare.ts";
import { blockHtml, sectionTitleHtml } from "./diff-html.ts";
import type { VersionSource } from "./read-versions.ts";

export interface SectionRef {
  id: string;
  title: string;
}

export interface VersionRef {
  effectiveDate: string;
  url: string;
}

/** A section's change, ready for the compare view. */
export interface RenderedChange extends SectionChange {
  titleHtml: string;
  bodyHtml: string;
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
  /** Midnight UTC of the effective date: the feed's dates, the same on every build. */
  date: Date;
  summary: string;
  current: boolean;
  /** Its permanent page: the full text as it read from that date. */
  url: string;
  policy: Policy;
  /** The version before it, if any, and the compare view against it. */
  previous: VersionRef | null;
  /** The version that replaced it, if any. */
  next: VersionRef | null;
  changesUrl: string | null;
  changes: RenderedChange[];
  /** Typos fixed under this date, oldest first (src/content/version-lock.ts). */
  corrections: VersionCorrection[];
  added: SectionRef[];
  removed: SectionRef[];
  changed: SectionRef[];
  unchanged: SectionRef[];
}

/** Every version in which one section was added, changed or removed, newest first. */
export interface SectionHistory extends SectionRef {
  inCurrent: boolean;
  events: Array<{ version: PolicyVersion; change: Exclude<SectionChangeKind, "unchanged"> }>;
}

export interface History {
  /** Newest first; the first is the current version. */
  versions: PolicyVersion[];
  current: PolicyVersion;
  /** Every version but the current one. */
  archived: PolicyVersion[];
  /** Every version that has a previous one to compare with. */
  compared: PolicyVersion[];
  sections: SectionHistory[];
}

export const versionUrl = (effectiveDate: string): string => `/history/${effectiveDate}/`;

function render(change: SectionChange): RenderedChange {
  return {
    ...change,
    titleHtml: sectionTitleHtml(change),
    bodyHtml: change.blocks.map((block) => blockHtml(block)).join("\n"),
  };
}

/** A version as stored, with its text rendered when it already is (the current version's is the site's own). */
type RenderableVersion = VersionSource & { policy?: Policy };

function toVersion(source: RenderableVersion, before: VersionSource | undefined, current: boolean): PolicyVersion {
  const policy = source.policy ?? renderPolicy(source.sections);
  const changes = before ? compareSections(before.sections, policy.sections).map(render) : [];
  const having = (kind: SectionChangeKind): SectionRef[] =>
    changes.filter((c) => c.change === kind).map(({ id, title }) => ({ id, title }));
  return {
    effectiveDate: source.effectiveDate,
    date: new Date(`${source.effectiveDate}T00:00:00Z`),
    summary: source.summary,
    current,
    url: versionUrl(source.effectiveDate),
    policy,
    previous: before ? { effectiveDate: before.effectiveDate, url: versionUrl(before.effectiveDate) } : null,
    next: null,
    changesUrl: before ? `${versionUrl(source.effectiveDate)}changes/` : null,
    changes,
    corrections: (source.corrections ?? []).map(({ date, note, sections }) => ({
      date,
      note,
      sections: sections.map((id) => ({ id, title: policy.sections.find((s) => s.id === id)?.title ?? id })),
    })),
    // The first version has no earlier one: all its sections were added then.
    added: before ? having("added") : policy.sections.map(({ id, title }) => ({ id, title })),
    removed: having("removed"),
    changed: having("changed"),
    unchanged: having("unchanged"),
  };
}

/** Each section's history, from the versions oldest first: the current sections in order, then removed ones. */
function sectionHistories(oldestFirst: PolicyVersion[], current: PolicyVersion): SectionHistory[] {
  const byId = new Map<string, SectionHistory>();
  for (const version of oldestFirst) {
    for (const kind of ["added", "changed", "removed"] as const) {
      for (const { id, title } of version[kind]) {
        const entry = byId.get(id) ?? { id, title, inCurrent: false, events: [] };
        if (kind !== "removed") entry.title = title;
        entry.events.unshift({ version, change: kind });
        byId.set(id, entry);
      }
    }
  }
  const currentIds = current.policy.sections.map((s) => s.id);
  for (const id of currentIds) byId.get(id)!.inCurrent = true;
  return [...currentIds.map((id) => byId.get(id)!), ...[...byId.values()].filter((s) => !s.inCurrent)];
}

/** Builds the history from the current version and the archived ones (oldest first). */
export function buildHistory(current: VersionSource & { policy: Policy }, archived: VersionSource[]): History {
  const sources: RenderableVersion[] = [...archived, current];
  const oldestFirst = sources.map((source, i) => toVersion(source, sources[i - 1], i === sources.length - 1));
  oldestFirst.forEach((version, i) => {
    const newer = oldestFirst[i + 1];
    version.next = newer ? { effectiveDate: newer.effectiveDate, url: newer.url } : null;
  });
  const versions = [...oldestFirst].reverse();
  return {
    versions,
    current: versions[0],
    archived: versions.slice(1),
    compared: versions.filter((v) => v.previous !== null),
    sections: sectionHistories(oldestFirst, versions[0]),
  };
}
