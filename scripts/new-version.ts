// npm run new-version -- --date YYYY-MM-DD --summary "…": archives the text published until now into
// history/<its date>/, gives content/ the new date and summary, and records both in the version lock.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serializeLock } from "../src/content/version-lock.ts";
import {
  checkNewVersionDate,
  checkSummary,
  lockVersion,
  planArchive,
  recordVersions,
  todayUtc,
  updateSiteJson,
} from "../src/history/new-version.ts";
import { runCommand } from "../src/lib/command.ts";
import { ContentError, ContentErrors, UsageError } from "../src/lib/problems.ts";
import { NEW_VERSION_USAGE, readNewVersionOptions } from "../src/options.ts";
import { checkContent } from "../src/pipeline/load-policy.ts";
import { filesFromGit, filesOnDisk, matchesLocked } from "../src/tools/published-files.ts";
import { writeFiles } from "../src/tools/write-files.ts";

const shown = (file: string): string => path.relative(process.cwd(), file) || file;

await runCommand(() => {
  const options = readNewVersionOptions(process.argv.slice(2), process.env);
  if (options.help) return console.log(NEW_VERSION_USAGE);
  // The text may have changed under its date (that is why a new version is made); anything else must build.
  const checked = checkContent(options, "preview");
  if (checked.errors.length > 0) throw new ContentErrors(checked.errors);
  const site = checked.site!;
  const lockFile = checked.lock!;
  const previous = site.effectiveDate;
  checkNewVersionDate(options.date, {
    current: previous,
    archived: checked.archived.map((v) => v.effectiveDate),
    today: todayUtc(),
  });
  const current = { effectiveDate: previous, sections: checked.current.sections, ids: checked.current.ids };
  const siteFile = path.join(options.contentDir, "site.json");
  const lockPath = path.join(options.contentDir, path.basename(lockFile.file));
  const withArchived = recordVersions(lockFile.lock, checked.archived);

  if (options.date === previous) {
    const summary = checkSummary(options.summary, false);
    const { lock, recorded } = recordVersions(withArchived.lock, [current]);
    const all = [...withArchived.recorded, ...recorded];
    if (all.length === 0) {
      throw new UsageError(
        `the version of ${previous} is already recorded`,
        'For a new version give a later --date; to fix a typo under this date: npm run correct -- --note "What was corrected".',
      );
    }
    const siteText = summary
      ? [{ file: siteFile, text: updateSiteJson(readFileSync(siteFile, "utf8"), previous, summary) }]
      : [];
    writeFiles([...siteText, { file: lockPath, text: serializeLock(lock) }]);
    return console.log(
      `Recorded the version${all.length > 1 ? "s" : ""} of ${all.join(", ")} in ${shown(lockPath)}, as they are now.`,
    );
  }

  const summary = checkSummary(options.summary, true)!;
  const locked = lockFile.lock.versions[previous];
  if (!locked) {
    throw new ContentError(
      lockFile.file,
      `the current version (${previous}) is not recorded, so what was published under it is not known`,
      `If content/ still holds the text published on ${previous}, record it first: npm run new-version -- --date ${previous}; then run this again.`,
    );
  }
  const archiveDir = path.join(options.historyDir, previous);
  if (existsSync(archiveDir)) {
    throw new ContentError(
      shown(archiveDir),
      "this archive folder already exists",
      "Remove it if a failed run left it, then run this again.",
    );
  }
  // The archive must be exactly what was published: the files as they are if untouched since,
  // else the newest commit whose text the lock recognises.
  let published = filesOnDisk(options.contentDir);
  let source = shown(options.contentDir);
  if (!matchesLocked(published, locked)) {
    const found = filesFromGit(options.contentDir, locked);
    if (!found) {
      throw new ContentError(
        shown(options.contentDir),
        `neither this folder nor any commit in git holds the text published on ${previous} any more`,
        "Put the published text back (git stash), run this command, then bring your edits back (git stash pop).",
      );
    }
    published = found.files;
    source = `commit ${found.commit.slice(0, 12)}`;
  }
  const lock = {
    ...withArchived.lock,
    versions: {
      ...withArchived.lock.versions,
      [options.date]: lockVersion({ ...current, effectiveDate: options.date }),
    },
  };
  writeFiles([
    ...planArchive(options.historyDir, { effectiveDate: previous, summary: site.summary }, published),
    { file: lockPath, text: serializeLock(lock) },
    { file: siteFile, text: updateSiteJson(readFileSync(siteFile, "utf8"), options.date, summary) },
  ]);
  console.log(`Archived the text of ${previous} (from ${source}) into ${shown(archiveDir)}/.`);
  console.log(`The policy now takes effect on ${options.date}: “${summary}”.`);
  console.log(
    `Recorded its ${current.sections.length} sections and their ids in ${shown(lockPath)}. Commit content/ and history/.`,
  );
});
