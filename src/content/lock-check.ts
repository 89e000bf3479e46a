import { ContentError } from "../lib/problems.ts";
import type { BuildPurpose } from "../options.ts";
import { firstChange, sentencesOf } from "./fingerprint.ts";
import { type SectionIds, unrecordedIds } from "./published-ids.ts";
import type { SourceSection } from "./read-sections.ts";
import { type LockedVersion, type LockFile, lockSection, recordedIds } from "./version-lock.ts";

/** One version as the lock check sees it: where it is, its date, its sections and their ids. */
export interface VersionToCheck {
  effectiveDate: string;
  /** Its folder as shown: "content" or "history/2014-04-08". */
  folder: string;
  current: boolean;
  sections: SourceSection[];
  ids: SectionIds[];
}

/** What the lock check found: problems that stop this kind of build, and the ones it only reports. */
export interface LockFindings {
  errors: ContentError[];
  warnings: ContentError[];
}

/**
 * How hard each finding is, by the build's purpose. A preview (`npm start`) shows edits before
 * they are published; an everyday build refuses changed published text; a release build (the one
 * deployed) also refuses anything the lock has not recorded.
 */
const STOPS: Record<"changed" | "unrecorded", Record<BuildPurpose, boolean>> = {
  changed: { preview: false, build: true, release: true },
  unrecorded: { preview: false, build: false, release: true },
};

const NEW_VERSION = 'npm run new-version -- --date YYYY-MM-DD --summary "What changed"';
const CORRECT = 'npm run correct -- --note "What was corrected"';

/** Where a section's text differs from the text recorded for its date, or undefined. */
function textChange(section: SourceSection, version: VersionToCheck, locked: LockedVersion): ContentError | undefined {
  const date = version.effectiveDate;
  const fix = version.current
    ? `Published text never changes under its date. To publish the change, give it a new date: ${NEW_VERSION}; to fix a typo that changes no meaning, record a visible correction: ${CORRECT}; or undo the edit.`
    : `An archived version never changes: restore the file from version control (git checkout -- ${section.file}).`;
  const recorded = locked.sections[section.id];
  if (!recorded) return new ContentError(section.file, `this section was not in the text published on ${date}`, fix, 1);
  const ids = version.ids.find((s) => s.id === section.id)!;
  const now = lockSection(section, ids);
  if (now.fingerprint === recorded.fingerprint) return undefined;
  const change = firstChange(sentencesOf(section), recorded.sentences);
  if (!change) return new ContentError(section.file, `the text differs from the text published on ${date}`, fix, 1);
  const more = change.count > 1 ? ` (${change.count} sentences differ)` : "";
  if (change.kind === "removed") {
    return new ContentError(section.file, `text published on ${date} is missing here${more}`, fix, change.line);
  }
  const quoted =
    change.sentence.text.length > 70 ? `${change.sentence.text.slice(0, 70).trimEnd()}…` : change.sentence.text;
  return new ContentError(
    section.file,
    `this is not the text published on ${date}: “${quoted}”${more}`,
    fix,
    change.sentence.line,
  );
}

/** The problem of a version the lock has not recorded; its ids, if it is the current one. */
function unrecorded(lockFile: LockFile, version: VersionToCheck, currentDate: string): ContentError {
  const ids = version.current ? unrecordedIds(recordedIds(lockFile.lock), version.ids) : [];
  const more = ids.length > 3 ? ` and ${ids.length - 3} more` : "";
  const idsText = ids.length ? `, and neither are its ids ${ids.slice(0, 3).join(", ")}${more}` : "";
  return new ContentError(
    lockFile.file,
    `the version of ${version.effectiveDate} (${version.folder}) is not recorded${idsText}, so a release build refuses it`,
    `Once its text is final, record it: npm run new-version -- --date ${currentDate} (with the current effective date it records, as they are, the versions not yet recorded).`,
  );
}

/** Sections recorded for an archived version that its folder no longer has. */
function missingSections(version: VersionToCheck, locked: LockedVersion): ContentError[] {
  return Object.keys(locked.sections)
    .filter((id) => !version.sections.some((s) => s.id === id))
    .map(
      (id) =>
        new ContentError(
          version.folder,
          `the section \`${id}\` published on ${version.effectiveDate} is missing`,
          "An archived version never changes: restore its file from version control.",
        ),
    );
}

/**
 * Compares every version with the lock: published text unchanged under its date, every recorded
 * version still there, every version recorded. What stops a build depends on its purpose.
 */
export function checkAgainstLock(lockFile: LockFile, versions: VersionToCheck[], purpose: BuildPurpose): LockFindings {
  const findings: LockFindings = { errors: [], warnings: [] };
  const add = (stops: boolean, errors: Array<ContentError | undefined>): void => {
    for (const error of errors) if (error) (stops ? findings.errors : findings.warnings).push(error);
  };
  const currentDate = versions.find((v) => v.current)?.effectiveDate ?? "";
  for (const version of versions) {
    const locked = lockFile.lock.versions[version.effectiveDate];
    if (!locked) {
      add(STOPS.unrecorded[purpose], [unrecorded(lockFile, version, currentDate)]);
      continue;
    }
    const changes = version.sections.map((section) => textChange(section, version, locked));
    add(!version.current || STOPS.changed[purpose], changes);
    if (!version.current) add(true, missingSections(version, locked));
  }
  const gone = Object.keys(lockFile.lock.versions).filter((d) => !versions.some((v) => v.effectiveDate === d));
  add(
    true,
    gone.map(
      (date) =>
        new ContentError(
          lockFile.file,
          `the version of ${date} is recorded, but there is no history/${date}/ folder with its text`,
          `Restore history/${date}/ from version control: every published version stays readable on /history/.`,
        ),
    ),
  );
  return findings;
}
