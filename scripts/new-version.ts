// npm run new-version -- --date YYYY-MM-DD --summary "…": archives the text published until now into
// history/<its date>/, gives content/ the new date and summary, and records both in the version lock.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serializeLock } from "../src/content/version-lock.ts";
import { checkChangeNotes } from "../src/history/change-notes.ts";
import {
  checkNewVersionDate,
  checkSummary,
  lockVersion,
  parseNotes,
  planArchive,
  recordVersions,
  updateSiteJson,
} from "../src/history/new-version.ts";
import { runCommand } from "../src/lib/command.ts";
import { ContentError, ContentErrors, UsageError } from "../src/lib/problems.ts";
import { NEW_VERSION_USAGE, readNewVersionOptions } from "../src/options.ts";
import { type ContentCheck, checkContent } from "../src/pipeline/load-policy.ts";
import { filesFromGit, filesOnDisk, matchesLocked, type SourceFile, sectionsOf } from "../src/tools/published-files.ts";
import { writeFiles } from "../src/tools/write-files.ts";

type Options = ReturnType<typeof readNewVersionOptions>;
type Checked = Required<Omit<ContentCheck, "errors">>;

const shown = (file: string): string => path.relative(process.cwd(), file) || file;
const lockPath = (options: Options, checked: Checked): string =>
  path.join(options.contentDir, path.basename(checked.lock.file));
const currentText = (checked: Checked, effectiveDate: string) => ({
  effectiveDate,
  sections: checked.current.sections,
  ids: checked.current.ids,
});

/** `--date` is the current date: record, as they are, the versions not yet recorded. */
function recordAsTheyAre(options: Options, checked: Checked): void {
  const date = checked.site.effectiveDate;
  const summary = checkSummary(options.summary, false);
  const notes = options.notes.length > 0 ? parseNotes(options.notes) : undefined;
  const versions = [...checked.archived, currentText(checked, date)];
  const { lock, recorded } = recordVersions(checked.lock.lock, versions, options.today);
  if (recorded.length === 0) {
    throw new UsageError(
      `the version of ${date} is already recorded`,
      'For a new version give a later --date; to fix a typo under this date: npm run correct -- --note "What was corrected".',
    );
  }
  const siteFile = path.join(options.contentDir, "site.json");
  writeFiles([
    ...(summary || notes
      ? [
          {
            file: siteFile,
            text: updateSiteJson(
              readFileSync(siteFile, "utf8"),
              date,
              summary ?? checked.site.summary,
              notes ?? checked.site.changeNotes,
            ),
          },
        ]
      : []),
    { file: lockPath(options, checked), text: serializeLock(lock) },
  ]);
  console.log(
    `Recorded the version${recorded.length > 1 ? "s" : ""} of ${recorded.join(", ")} in ${shown(lockPath(options, checked))}, as they are now.`,
  );
}

/**
 * The files published under the current date: content/ as it is if untouched since, else the
 * newest commit whose text the lock recognises, so the archive is exactly what readers read.
 */
function publishedFiles(options: Options, checked: Checked): { files: SourceFile[]; source: string } {
  const previous = checked.site.effectiveDate;
  const locked = checked.lock.lock.versions[previous];
  if (!locked) {
    throw new ContentError(
      checked.lock.file,
      `the current version (${previous}) is not recorded, so what was published under it is not known`,
      `If ${shown(options.contentDir)}/ still holds the text published on ${previous}, record it first: npm run new-version -- --date ${previous}; then run this again.`,
    );
  }
  const onDisk = filesOnDisk(options.contentDir);
  if (matchesLocked(onDisk, locked)) return { files: onDisk, source: shown(options.contentDir) };
  const found = filesFromGit(options.contentDir, locked);
  if (found) return { files: found.files, source: `commit ${found.commit.slice(0, 12)}` };
  throw new ContentError(
    shown(options.contentDir),
    `neither this folder nor any commit in git holds the text published on ${previous} any more`,
    `The archive must be the text published on ${previous}, as the lock records it (its corrections included): put that text back in this folder (undo your edits, or git stash), run this command, then make your edits again (git stash pop).`,
  );
}

/**
 * The notes given with `--note`, each on a section the new version changes (src/history/change-notes.ts);
 * without any, the sections that changed, so the editor can say why.
 */
function checkedNotes(options: Options, published: SourceFile[], checked: Checked): Record<string, string> {
  const notes = parseNotes(options.notes);
  const before = { effectiveDate: checked.site.effectiveDate, file: "", sections: sectionsOf(published) };
  const after = { effectiveDate: options.date, file: "--note", changeNotes: notes, sections: checked.current.sections };
  const problems = checkChangeNotes([before, after]);
  if (problems.length > 0) throw new UsageError(problems[0].problem, problems[0].hint);
  if (options.notes.length === 0) {
    const changed = checked.current.sections
      .filter((s) => checkChangeNotes([before, { ...after, changeNotes: { [s.id]: "?" } }]).length === 0)
      .map((s) => s.id);
    if (changed.length > 0)
      console.log(
        `Sections this version changes: ${changed.join(", ")}. To say what changed and why, add --note "${changed[0]}=…" per section, or write them in site.json under changeNotes.`,
      );
  }
  return notes;
}

/** A later `--date`: archive the published text, then give content/ the new date and record it. */
function publishNewVersion(options: Options, checked: Checked): void {
  const previous = checked.site.effectiveDate;
  const summary = checkSummary(options.summary, true)!;
  const archiveDir = path.join(options.historyDir, previous);
  if (existsSync(archiveDir)) {
    throw new ContentError(
      shown(archiveDir),
      "this archive folder already exists",
      "Remove it if a failed run left it, then run this again.",
    );
  }
  const { files, source } = publishedFiles(options, checked);
  const notes = checkedNotes(options, files, checked);
  const withArchived = recordVersions(checked.lock.lock, checked.archived, options.today).lock;
  const lock = {
    ...withArchived,
    versions: {
      ...withArchived.versions,
      [options.date]: lockVersion(currentText(checked, options.date), options.today),
    },
  };
  const siteFile = path.join(options.contentDir, "site.json");
  const archived = { effectiveDate: previous, summary: checked.site.summary, changeNotes: checked.site.changeNotes };
  writeFiles([
    ...planArchive(options.historyDir, archived, files),
    { file: lockPath(options, checked), text: serializeLock(lock) },
    { file: siteFile, text: updateSiteJson(readFileSync(siteFile, "utf8"), options.date, summary, notes) },
  ]);
  console.log(`Archived the text of ${previous} (from ${source}) into ${shown(archiveDir)}/.`);
  if (options.date > options.today) {
    console.log(
      `Announced today (${options.today}): the new version takes effect on ${options.date} (“${summary}”). Until then the site keeps the version of ${previous} in force, and shows the new one and its changes.`,
    );
  } else console.log(`The policy now takes effect on ${options.date}: “${summary}”`);
  console.log(
    `Recorded its ${checked.current.sections.length} sections and their ids in ${shown(lockPath(options, checked))}. Commit content/ and history/.`,
  );
}

await runCommand(() => {
  const options = readNewVersionOptions(process.argv.slice(2), process.env);
  if (options.help) return console.log(NEW_VERSION_USAGE);
  // The text may have changed under its date (that is why a new version is made); anything else must build.
  const checked = checkContent(options, "preview");
  if (checked.errors.length > 0) throw new ContentErrors(checked.errors);
  const complete = checked as Checked;
  checkNewVersionDate(options.date, {
    current: complete.site.effectiveDate,
    archived: complete.archived.map((v) => v.effectiveDate),
  });
  if (options.date === complete.site.effectiveDate) recordAsTheyAre(options, complete);
  else publishNewVersion(options, complete);
});
