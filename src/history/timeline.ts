/**
 * Which version is in force on a given day. Versions are published under the day they take
 * effect; one whose day has not come yet is announced ahead (readers see it and what it changes)
 * while the one before it stays in force. The day is an input (`POLICY_TODAY`, src/options.ts),
 * never read from the clock here, so the same content and the same day build the same site.
 */

export type VersionStatus = "superseded" | "current" | "upcoming";

/** The index of the version in force on `today` among dates oldest first: the last one not after it, or -1. */
export function inForceIndex(datesOldestFirst: readonly string[], today: string): number {
  let found = -1;
  datesOldestFirst.forEach((date, i) => {
    if (date <= today) found = i;
  });
  return found;
}

/** Each version's status on `today`, for dates oldest first: superseded ones, the one in force, then upcoming ones. */
export function statusesOn(datesOldestFirst: readonly string[], today: string): VersionStatus[] {
  const current = inForceIndex(datesOldestFirst, today);
  return datesOldestFirst.map((_, i) => (i < current ? "superseded" : i === current ? "current" : "upcoming"));
}

/** Midnight UTC of a day written YYYY-MM-DD: the feed's dates, the same on every machine. */
export const dayStart = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * When a version's feed entry appeared and when it last changed: an announced version appears on
 * the day it was announced, and is updated on the day it takes effect; a version published on
 * its date appears then. Neither is ever the day of the build.
 */
export function feedDates(
  effectiveDate: string,
  announced: string | undefined,
  status: VersionStatus,
): { published: Date; updated: Date } {
  const published = dayStart(announced ?? effectiveDate);
  return { published, updated: status === "upcoming" ? published : dayStart(effectiveDate) };
}
