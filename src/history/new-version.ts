import path from "node:path";
import type { SectionText } from "../content/fingerprint.ts";
import type { SectionIds } from "../content/published-ids.ts";
import { isoDate, versionSummary } from "../content/site-json.ts";
import { type LockedVersion, lockSection, type VersionLock } from "../content/version-lock.ts";
import { UsageError } from "../lib/problems.ts";

/**
 * `npm run new-version`, as small pure steps the script runs in order: check the date, record
 * versions in the lock, plan the archive of the text published until now, update site.json.
 */

/** Today's date, YYYY-MM-DD in UTC: the latest effective date a version may have for now. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

export interface DateContext {
  /** The current version's effective date (site.json). */
  current: string;
  /** The archived versions' dates. */
  archived: string[];
  today: string;
}

/**
 * The date a new version takes effect: a calendar date, later than the current version's, and
 * not after today (a version announced ahead of its date is not supported yet). The current
 * date itself means "record what is here".
 */
export function checkNewVersionDate(date: string, context: DateContext): void {
  const parsed = isoDate.safeParse(date);
  if (!parsed.success) {
    throw new UsageError(
      `--date ${date} ${parsed.error.issues[0].message}`,
      "Give the date the new version takes effect, e.g. --date 2024-06-01.",
    );
  }
  if (date < context.current || context.archived.includes(date)) {
    throw new UsageError(
      `--date ${date} is not after the current version's date, ${context.current}`,
      "A new version takes effect after the one it replaces: give a later date.",
    );
  }
  if (date > context.today) {
    throw new UsageError(
      `--date ${date} is in the future (today is ${context.today})`,
      "Publish the new version on or after the day it takes effect, with that day's date.",
    );
  }
}

/** The one-line summary of what changed, as site.json and the history show it. */
export function checkSummary(summary: string | undefined, needed: boolean): string | undefined {
  if (summary === undefined) {
    if (!needed) return undefined;
    throw new UsageError(
      "--summary is missing",
      'Say in one line what changed: --summary "We now keep order records for seven years."',
    );
  }
  const parsed = versionSummary.safeParse(summary);
  if (!parsed.success)
    throw new UsageError(
      `--summary ${parsed.error.issues[0].message}`,
      "Say in one line (at most 200 characters) what changed.",
    );
  return parsed.data;
}

/** A version's text and ids, as the lock records them. */
export interface VersionText {
  effectiveDate: string;
  sections: Array<SectionText & { id: string }>;
  ids: SectionIds[];
}

/** A version's lock entry from its sections, keeping any corrections already recorded. */
export function lockVersion(version: VersionText, corrections?: LockedVersion["corrections"]): LockedVersion {
  const sections = Object.fromEntries(
    version.sections.map((section) => [
      section.id,
      lockSection(section, version.ids.find((s) => s.id === section.id)!),
    ]),
  );
  return corrections?.length ? { sections, corrections } : { sections };
}

/** The lock with every version not yet recorded added as it is now; recorded ones are never changed. */
export function recordVersions(lock: VersionLock, versions: VersionText[]): { lock: VersionLock; recorded: string[] } {
  const added = versions.filter((v) => !(v.effectiveDate in lock.versions));
  const entries = added.map((v) => [v.effectiveDate, lockVersion(v)] as const);
  return {
    lock: { ...lock, versions: { ...lock.versions, ...Object.fromEntries(entries) } },
    recorded: added.map((v) => v.effectiveDate),
  };
}

/** A file the command writes, relative to the project. */
export interface FileWrite {
  file: string;
  text: string | Uint8Array;
}

/** The archive of the text published until now: its section files byte for byte, and its version.json. */
export function planArchive(
  historyDir: string,
  published: { effectiveDate: string; summary: string },
  files: Array<{ name: string; bytes: Uint8Array }>,
): FileWrite[] {
  const folder = path.join(historyDir, published.effectiveDate);
  return [
    ...files.map(({ name, bytes }) => ({ file: path.join(folder, name), text: bytes })),
    {
      file: path.join(folder, "version.json"),
      text: `${JSON.stringify({ effectiveDate: published.effectiveDate, summary: published.summary }, null, 2)}\n`,
    },
  ];
}

/** site.json with the new effective date and summary, every other key as it was. */
export function updateSiteJson(text: string, effectiveDate: string, summary: string): string {
  return `${JSON.stringify({ ...JSON.parse(text), effectiveDate, summary }, null, 2)}\n`;
}
