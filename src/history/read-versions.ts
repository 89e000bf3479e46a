import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { listContentFolder } from "../content/content-files.ts";
import type { SectionIds } from "../content/published-ids.ts";
import { readVersionContent } from "../content/read-policy.ts";
import type { SourceSection } from "../content/read-sections.ts";
import { changeNotes, isoDate, versionSummary } from "../content/site-json.ts";
import type { Correction } from "../content/version-lock.ts";
import { readJsonFile } from "../lib/json-file.ts";
import { ContentError } from "../lib/problems.ts";

/** `history/<date>/version.json`: the facts of one earlier version. */
export const versionFileSchema = z
  .object({ effectiveDate: isoDate, summary: versionSummary, changeNotes: changeNotes.optional() })
  .strict();

/** One version of the policy as stored: its date, its one-line summary and its section files. */
export interface VersionSource {
  effectiveDate: string;
  summary: string;
  /** What changed in each section and why, by section id (docs/editing.md, “What changed, in words”). */
  changeNotes?: Record<string, string>;
  /** Checked like content/ and in policy order. */
  sections: SourceSection[];
  /** Typos fixed under this date, from the version lock. */
  corrections?: Correction[];
}

/** An archived version with where it is and the ids its sections have, for the version lock. */
export interface ArchivedVersion extends VersionSource {
  /** Its folder, as shown: "history/2016-01-10". */
  folder: string;
  ids: SectionIds[];
}

/** Reads and checks a version.json; its date must be the name of the folder it is in. */
export function readVersionFile(fullPath: string, file: string, folderName: string): z.infer<typeof versionFileSchema> {
  const version = readJsonFile(fullPath, file, versionFileSchema, {
    what: "version data",
    unreadable: 'Give each archived version a version.json: { "effectiveDate": "YYYY-MM-DD", "summary": "…" }.',
    invalid: "Fix the listed keys; allowed keys are effectiveDate, summary and changeNotes.",
  });
  if (version.effectiveDate !== folderName) {
    throw new ContentError(
      file,
      `the effectiveDate ${version.effectiveDate} differs from the folder name ${folderName}`,
      "Name the folder after the date the version took effect, and give the same date in version.json.",
    );
  }
  return version;
}

export interface HistoryRead {
  /** Oldest first. */
  versions: ArchivedVersion[];
  problems: ContentError[];
}

const HISTORY_ROOT = { shown: "history/", dataFiles: [], drafts: false };

/**
 * Reads every earlier version in a history folder (one `YYYY-MM-DD/` folder each, holding section
 * files and version.json), oldest first, checking each like content/ and collecting every
 * problem. No folder means no earlier versions; anything else in it is a problem.
 */
export function readArchivedVersions(dir: string, displayRoot = process.cwd()): HistoryRead {
  const read: HistoryRead = { versions: [], problems: [] };
  if (!existsSync(dir)) return read;
  const shown = (p: string): string => path.relative(displayRoot, p) || p;
  for (const entry of listContentFolder(dir, HISTORY_ROOT)) {
    const folder = path.join(dir, entry.name);
    if (entry.kind === "ignored") continue;
    if (!entry.folder || !isoDate.safeParse(entry.name).success) {
      read.problems.push(
        entry.folder
          ? new ContentError(
              shown(folder),
              "the folder name is not a date",
              "Name each archived version's folder after the date it took effect, written YYYY-MM-DD.",
            )
          : new ContentError(
              shown(folder),
              "history/ holds only one folder per earlier version",
              "Move this file out of the history folder; each version's files go in its YYYY-MM-DD/ folder.",
            ),
      );
      continue;
    }
    const rules = { shown: `${shown(folder)}/`, dataFiles: ["version.json"], drafts: false };
    const content = readVersionContent(folder, rules, displayRoot);
    read.problems.push(...content.problems);
    let info: z.infer<typeof versionFileSchema> = { effectiveDate: entry.name, summary: "" };
    try {
      info = readVersionFile(path.join(folder, "version.json"), shown(path.join(folder, "version.json")), entry.name);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      read.problems.push(error);
    }
    read.versions.push({ ...info, sections: content.sections, folder: shown(folder), ids: content.ids });
  }
  return read;
}

/** Archived versions that are not older than the current one, each named by its folder. */
export function checkArchivedDates(archived: ArchivedVersion[], currentDate: string): ContentError[] {
  return archived
    .filter((version) => version.effectiveDate >= currentDate)
    .map(
      (version) =>
        new ContentError(
          version.folder,
          `this archived version is not older than the current one (effectiveDate ${currentDate} in site.json)`,
          "Archive only versions that took effect before the current one, and give the current one its new effectiveDate.",
        ),
    );
}
