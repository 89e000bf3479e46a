import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContentNotice } from "../lib/notices.ts";
import { type ContentError, ContentErrors } from "../lib/problems.ts";
import type { FolderRules } from "./content-files.ts";
import { checkSections, idsOf } from "./policy-rules.ts";
import type { SectionIds } from "./published-ids.ts";
import { readContentFolder, type SourceSection, type Unread } from "./read-sections.ts";
import { VERSION_LOCK_FILE } from "./version-lock.ts";

/** What content/ holds besides its sections: site.json, the lock, and the logo site.json names, if any. */
export const CONTENT_FOLDER = (shown: string, logo?: string): FolderRules => ({
  shown,
  dataFiles: ["site.json", VERSION_LOCK_FILE, ...(logo ? [logo] : [])],
  drafts: true,
});

/**
 * The logo file `site.json` names (`brand.logo`), so the folder's rules know it as a data file.
 * Read leniently: a site.json that cannot be read is reported where it is read in full.
 */
export function namedLogo(contentDir: string): string | undefined {
  try {
    const site = JSON.parse(readFileSync(path.join(contentDir, "site.json"), "utf8")) as { brand?: { logo?: unknown } };
    return typeof site.brand?.logo === "string" ? site.brand.logo : undefined;
  } catch {
    return undefined;
  }
}

/** The rules of a current-policy folder: its data files, its logo, drafts allowed. */
export const contentFolderRules = (contentDir: string, shown: string): FolderRules =>
  CONTENT_FOLDER(shown, namedLogo(contentDir));

/** One version's folder, read and checked: its sections in policy order, their ids, and every problem. */
export interface VersionContent {
  sections: SourceSection[];
  ids: SectionIds[];
  problems: ContentError[];
  notices: ContentNotice[];
  /** Sections that could not be read: checks that need every section do not conclude about them. */
  unread: Unread;
}

/** Reads a folder of section files and checks every rule of one version; never throws for content. */
export function readVersionContent(dir: string, rules: FolderRules, displayRoot = process.cwd()): VersionContent {
  const read = readContentFolder(dir, rules, displayRoot);
  const checked = checkSections(read.sections, read.unread);
  return {
    sections: checked.sections,
    ids: idsOf(checked.scanned),
    problems: [...read.problems, ...checked.problems],
    notices: read.notices,
    unread: read.unread,
  };
}

/** The current policy's sections, checked, in policy order; every problem thrown at once. For tools and tests. */
export function readPolicySource(contentDir: string): SourceSection[] {
  const content = readVersionContent(contentDir, contentFolderRules(contentDir, "content/"));
  if (content.problems.length > 0) throw new ContentErrors(content.problems);
  return content.sections;
}
