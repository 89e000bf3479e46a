import { readFileSync } from "node:fs";
import path from "node:path";
import { shownFolder } from "../content/content-files.ts";
import { checkAgainstLock } from "../content/lock-check.ts";
import { checkPublishedIds } from "../content/published-ids.ts";
import { contentFolderRules, readVersionContent, type VersionContent } from "../content/read-policy.ts";
import { readSiteJson, type Site } from "../content/site-json.ts";
import { type LockFile, readVersionLock, recordedIds } from "../content/version-lock.ts";
import { checkChangeNotes } from "../history/change-notes.ts";
import { buildHistory, type VersionInput } from "../history/history.ts";
import { type ArchivedVersion, checkArchivedDates, readArchivedVersions } from "../history/read-versions.ts";
import { inForceIndex } from "../history/timeline.ts";
import { type ContentNotice, warningOf } from "../lib/notices.ts";
import { ContentError, ContentErrors } from "../lib/problems.ts";
import type { BuildPurpose, SiteOptions } from "../options.ts";
import { markdown } from "../render/markdown.ts";
import { type Policy, renderPolicy } from "../render/policy.ts";
import type { PolicyData } from "../templates/template-data.ts";

/** The content stage's result: every source read and checked, and every problem found in one pass. */
export interface ContentCheck {
  site?: Site;
  current: VersionContent;
  archived: ArchivedVersion[];
  lock?: LockFile;
  errors: ContentError[];
  notices: ContentNotice[];
}

/** Runs a reader that throws one ContentError, keeping the error with the others instead. */
function attempt<T>(errors: ContentError[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    errors.push(error);
    return undefined;
  }
}

/**
 * The content stage, in one pass that never stops at the first problem: site.json, every file of
 * content/ and of each history/<date>/ folder, each section's Markdown, the whole-policy rules,
 * the dates of the history, the published ids and the version lock. Nothing is rendered.
 */
export function checkContent(options: SiteOptions, purpose: BuildPurpose = "build"): ContentCheck {
  const errors: ContentError[] = [];
  const site = attempt(errors, () => readSiteJson(options.contentDir, options));
  const current = readVersionContent(
    options.contentDir,
    contentFolderRules(options.contentDir, shownFolder(options.contentDir)),
  );
  const history = readArchivedVersions(options.historyDir);
  const lock = attempt(errors, () => readVersionLock(options.contentDir));
  const notices = [...current.notices];
  errors.push(...current.problems, ...history.problems);
  if (site) {
    errors.push(...checkArchivedDates(history.versions, site.effectiveDate));
    errors.push(...checkTimeline(options, site, history.versions, current.sections));
  }
  if (lock) {
    errors.push(...checkPublishedIds(recordedIds(lock.lock), current.ids, lock.file, current.unread));
    if (site) {
      const versions = [
        ...history.versions.map((version) => ({ ...version, current: false })),
        {
          ...current,
          effectiveDate: site.effectiveDate,
          folder: path.relative(process.cwd(), options.contentDir) || ".",
          current: true,
        },
      ];
      const findings = checkAgainstLock(lock, versions, purpose);
      errors.push(...findings.errors);
      notices.push(...findings.warnings.map(warningOf));
    }
  }
  return { site, current, archived: history.versions, lock, errors, notices };
}

/** The JSON file that holds a version's summary and change notes, as shown, and its text. */
function notesFile(version: { folder: string; current: boolean }, options: SiteOptions) {
  const full = version.current ? path.join(options.contentDir, "site.json") : path.join(version.folder, "version.json");
  let text: string | undefined;
  try {
    text = readFileSync(path.resolve(full), "utf8");
  } catch {
    // Already reported by the reader of that file.
  }
  return { file: path.relative(process.cwd(), path.resolve(full)) || full, text };
}

/**
 * Some version must be in force on the build's day, and every change note must name a section
 * its version changed (src/history/change-notes.ts).
 */
function checkTimeline(
  options: SiteOptions,
  site: Site,
  archived: ArchivedVersion[],
  sections: VersionContent["sections"],
): ContentError[] {
  const dates = [...archived.map((v) => v.effectiveDate), site.effectiveDate];
  const problems: ContentError[] = [];
  if (inForceIndex(dates, options.today) < 0) {
    problems.push(
      new ContentError(
        notesFile({ folder: "", current: true }, options).file,
        `no version of the policy is in force on ${options.today}: the first takes effect on ${dates[0]}`,
        `A site shows the version in force. Publish once the first version takes effect, or preview it with POLICY_TODAY=${dates[0]}.`,
      ),
    );
  }
  const versions = [
    ...archived.map((v) => ({ ...v, ...notesFile({ folder: v.folder, current: false }, options) })),
    { ...site, sections, ...notesFile({ folder: "", current: true }, options) },
  ];
  return [...problems, ...checkChangeNotes(versions)];
}

/** The content stage for a build: every problem thrown at once, as one ContentErrors. */
export function loadContent(
  options: SiteOptions,
  purpose: BuildPurpose = "build",
): Required<Omit<ContentCheck, "errors">> {
  const checked = checkContent(options, purpose);
  if (checked.errors.length > 0) throw new ContentErrors(checked.errors);
  return checked as Required<Omit<ContentCheck, "errors">>;
}

/**
 * The first stages of every build, in order: read and check the content and the history (any
 * mistake throws here, before anything is rendered), then render the current policy and every
 * earlier version. The result is handed to Eleventy as plain values.
 */
export function loadPolicyData(
  options: SiteOptions & { purpose?: BuildPurpose },
): PolicyData & { notices: ContentNotice[] } {
  const { site, current, archived, lock, notices } = loadContent(options, options.purpose);
  const recorded = (date: string) => lock.lock.versions[date];
  const sources = [
    ...archived,
    {
      effectiveDate: site.effectiveDate,
      summary: site.summary,
      changeNotes: site.changeNotes,
      sections: current.sections,
    },
  ];
  const versions: VersionInput[] = sources.map((source) => ({
    ...source,
    policy: renderPolicy(source.sections, markdown, site.lang),
    corrections: recorded(source.effectiveDate)?.corrections ?? [],
    ...(recorded(source.effectiveDate)?.announced ? { announced: recorded(source.effectiveDate)!.announced } : {}),
  }));
  const history = buildHistory(versions, options.today);
  // The main pages show the version in force, which is content/ unless content/ is announced ahead.
  return { site, policy: history.current.policy, history, notices };
}

/** The current policy alone, read, checked and rendered: for the authoring scripts and the tests. */
export function loadPolicy(contentDir: string): Policy {
  const content = readVersionContent(contentDir, contentFolderRules(contentDir, shownFolder(contentDir)));
  if (content.problems.length > 0) throw new ContentErrors(content.problems);
  return renderPolicy(content.sections);
}
