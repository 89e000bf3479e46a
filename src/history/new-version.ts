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

export interface DateContext {
  /** The current version's effective date (site.json). */
  current: string;
  /** The archived versions' dates. */
  archived: string[];
}

/**
 * The date a new version takes effect: a calendar date, later than the current version's. A day
 * after today announces the version ahead: the site shows it and what it changes, and keeps the
 * version before in force until that day (src/history/timeline.ts). The current date itself
 * means "record what is here".
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

/**
 * A version's lock entry from its sections. One recorded before its date is announced today: the
 * lock keeps that day, the date of its entry in the feed.
 */
export function lockVersion(version: VersionText, today: string): LockedVersion {
  const sections = Object.fromEntries(
    version.sections.map((section) => [
      section.id,
      lockSection(section, version.ids.find((s) => s.id === section.id)!),
    ]),
  );
  return version.effectiveDate > today ? { announced: today, sections } : { sections };
}

/** The lock with every version not yet recorded added as it is now; recorded ones are never changed. */
export function recordVersions(
  lock: VersionLock,
  versions: VersionText[],
  today: string,
): { lock: VersionLock; recorded: string[] } {
  const added = versions.filter((v) => !(v.effectiveDate in lock.versions));
  const entries = added.map((v) => [v.effectiveDate, lockVersion(v, today)] as const);
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
  published: { effectiveDate: string; summary: string; changeNotes?: Record<string, string> },
  files: Array<{ name: string; bytes: Uint8Array }>,
): FileWrite[] {
  const folder = path.join(historyDir, published.effectiveDate);
  const { effectiveDate, summary, changeNotes } = published;
  const notes = changeNotes && Object.keys(changeNotes).length > 0 ? { changeNotes } : {};
  return [
    ...files.map(({ name, bytes }) => ({ file: path.join(folder, name), text: bytes })),
    {
      file: path.join(folder, "version.json"),
      text: `${JSON.stringify({ effectiveDate, summary, ...notes }, null, 2)}\n`,
    },
  ];
}

/**
 * site.json with the new effective date, summary and change notes, every other key as it was.
 * The notes belong to the version they describe: a new version starts with its own, or none.
 */
export function updateSiteJson(
  text: string,
  effectiveDate: string,
  summary: string,
  changeNotes: Record<string, string> = {},
): string {
  const { changeNotes: _previous, ...site } = JSON.parse(text) as Record<string, unknown>;
  const notes = Object.keys(changeNotes).length > 0 ? { changeNotes } : {};
  const summaryAt = Object.keys(site).indexOf("summary");
  const entries = Object.entries({ ...site, effectiveDate, summary });
  // The notes go right after the summary, where an editor looks for them.
  entries.splice(summaryAt < 0 ? entries.length : summaryAt + 1, 0, ...Object.entries(notes));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/** `--note id=text`, each a section id and what changed in it and why. */
export function parseNotes(notes: readonly string[]): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const note of notes) {
    const match = /^\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*=\s*(.*)$/s.exec(note);
    const text = match?.[2].trim() ?? "";
    if (!match || text === "" || /[\r\n]/.test(text) || text.length > 300) {
      throw new UsageError(
        `--note "${note}" is not a section id, "=", then one line of at most 300 characters`,
        'Write what changed in a section and why: --note "sharing=We now share only with partners we have checked."',
      );
    }
    if (match[1] in parsed) throw new UsageError(`--note names \`${match[1]}\` twice`, "Give one note per section.");
    parsed[match[1]] = text;
  }
  return parsed;
}
