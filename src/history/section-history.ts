import type { SectionChangeKind } from "./compare.ts";

/** The fields of a version a section's history reads. */
interface VersionEvents {
  effectiveDate: string;
  current: boolean;
  upcoming: boolean;
  changeNotes: Record<string, string>;
  policy: { sections: ReadonlyArray<{ id: string }> };
  added: Array<{ id: string; title: string }>;
  changed: Array<{ id: string; title: string }>;
  removed: Array<{ id: string; title: string }>;
}

/** Every version in which one section was added, changed or removed, newest first. */
export interface SectionHistory<V extends VersionEvents = VersionEvents> {
  id: string;
  title: string;
  /** In the version in force. */
  inCurrent: boolean;
  /** Not in force yet: first in a version announced ahead, whose date this is. */
  addedOn?: string;
  events: Array<{ version: V; change: Exclude<SectionChangeKind, "unchanged">; note?: string }>;
}

/**
 * Each section's history, from the versions oldest first: the sections in force in order, then
 * those an announced version adds, then removed ones.
 */
export function sectionHistories<V extends VersionEvents>(oldestFirst: V[], current: V): SectionHistory<V>[] {
  const byId = new Map<string, SectionHistory<V>>();
  for (const version of oldestFirst) {
    for (const kind of ["added", "changed", "removed"] as const) {
      for (const { id, title } of version[kind]) {
        const entry = byId.get(id) ?? { id, title, inCurrent: false, events: [] };
        if (kind !== "removed") entry.title = title;
        const note = version.changeNotes[id];
        entry.events.unshift({ version, change: kind, ...(note === undefined ? {} : { note }) });
        byId.set(id, entry);
      }
    }
  }
  const currentIds = current.policy.sections.map((s) => s.id);
  for (const id of currentIds) byId.get(id)!.inCurrent = true;
  const newest = oldestFirst.at(-1)!;
  const coming = newest.upcoming
    ? newest.policy.sections.map((s) => s.id).filter((id) => !currentIds.includes(id))
    : [];
  for (const id of coming) {
    const entry = byId.get(id)!;
    entry.addedOn = entry.events.find((e) => e.change === "added")?.version.effectiveDate;
  }
  const rest = [...byId.values()].filter((s) => !s.inCurrent && !coming.includes(s.id));
  return [...currentIds, ...coming].map((id) => byId.get(id)!).concat(rest);
}
