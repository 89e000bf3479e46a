import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { checkSections } from "../content/policy-rules.ts";
import { readContentDir, type SourceSection } from "../content/read-sections.ts";
import { isoDate, versionSummary } from "../content/site-json.ts";
import { readJsonFile } from "../lib/json-file.ts";
import { ContentError } from "../lib/problems.ts";

/** `history/<date>/version.json`: the facts of one earlier version. */
export const versionFileSchema = z.object({ effectiveDate: isoDate, summary: versionSummary }).strict();

/** One version of the policy as stored: its date, its one-line summary and its section files. */
export interface VersionSource {
  effectiveDate: string;
  summary: string;
  /** Checked like content/ and in policy order. */
  sections: SourceSection[];
}

/** Reads and checks a version.json; its date must be the name of the folder it is in. */
export function readVersionFile(
  fullPath: string,
  file: string,
  folderName: string,
): { effectiveDate: string; summary: string } {
  const version = readJsonFile(fullPath, file, versionFileSchema, {
    what: "version data",
    unreadable: 'Give each archived version a version.json: { "effectiveDate": "YYYY-MM-DD", "summary": "…" }.',
    invalid: "Fix the listed keys; allowed keys are effectiveDate and summary.",
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

/**
 * Reads every earlier version in a history folder (one `YYYY-MM-DD/` folder each, holding section
 * files and version.json), oldest first. No folder means no earlier versions.
 */
export function readArchivedVersions(dir: string, displayRoot = process.cwd()): VersionSource[] {
  if (!existsSync(dir)) return [];
  const shown = (p: string): string => path.relative(displayRoot, p) || p;
  const folders = readdirSync(dir)
    .filter((name) => !name.startsWith(".") && statSync(path.join(dir, name)).isDirectory())
    .sort();
  return folders.map((name) => {
    const folder = path.join(dir, name);
    if (!isoDate.safeParse(name).success) {
      throw new ContentError(
        shown(folder),
        "the folder name is not a date",
        "Name each archived version's folder after the date it took effect, written YYYY-MM-DD.",
      );
    }
    const versionFile = path.join(folder, "version.json");
    const info = readVersionFile(versionFile, shown(versionFile), name);
    return { ...info, sections: checkSections(readContentDir(folder, displayRoot)) };
  });
}

/** Refuses an archived version that is not older than the current one, naming its folder. */
export function checkArchivedDates(archived: VersionSource[], currentDate: string, historyDir: string): void {
  for (const version of archived) {
    if (version.effectiveDate < currentDate) continue;
    throw new ContentError(
      path.join(path.relative(process.cwd(), historyDir) || historyDir, version.effectiveDate),
      `this archived version is not older than the current one (effectiveDate ${currentDate} in site.json)`,
      "Archive only versions that took effect before the current one, and give the current one its new effectiveDate.",
    );
  }
}
