import { firstChange, sentencesOf } from "../content/fingerprint.ts";
import { correctionSchema, lockSection, type VersionLock } from "../content/version-lock.ts";
import { ContentError, UsageError } from "../lib/problems.ts";
import type { VersionText } from "./new-version.ts";

/**
 * A correction fixes a typo under a published date without a new version, in view: the lock
 * records what changed, when and why, and /history/ lists it. Anything larger is a new version,
 * so a correction may change at most this many sentences, and no section or clause id.
 */
export const MAX_CORRECTED_SENTENCES = 3;

export interface CorrectionRequest {
  note: string;
  /** The day of the correction, YYYY-MM-DD. */
  date: string;
  today: string;
}

const NEW_VERSION = 'npm run new-version -- --date YYYY-MM-DD --summary "What changed"';

/** The correction's date: a calendar date, not before the version or its last correction, not after today. */
function checkCorrectionDate(date: string, after: string, today: string): void {
  const checked = correctionSchema.shape.date.safeParse(date);
  if (!checked.success)
    throw new UsageError(
      `--date ${date} ${checked.error.issues[0].message}`,
      "Give the day of the correction, e.g. --date 2024-05-03.",
    );
  if (date < after)
    throw new UsageError(
      `--date ${date} is before ${after}`,
      `A correction comes after the version it corrects and after its last correction: give ${after} or later.`,
    );
  if (date > today)
    throw new UsageError(`--date ${date} is in the future (today is ${today})`, "Give the day the correction is made.");
}

/** The lock with the current version's text re-recorded and the correction added; refuses anything that is not a small fix. */
export function planCorrection(
  lock: VersionLock,
  file: string,
  current: VersionText,
  request: CorrectionRequest,
): VersionLock {
  const date = current.effectiveDate;
  const locked = lock.versions[date];
  if (!locked) {
    throw new ContentError(
      file,
      `the current version (${date}) is not recorded, so there is nothing to correct`,
      `Record it first: npm run new-version -- --date ${date}.`,
    );
  }
  const note = correctionSchema.shape.note.safeParse(request.note);
  if (!note.success)
    throw new UsageError(
      "--note must be one line of 1 to 300 characters",
      'Say what the correction fixes: --note "Fixed the spelling of “browser”."',
    );
  // A version announced ahead can be corrected from the day it was announced.
  checkCorrectionDate(request.date, locked.corrections?.at(-1)?.date ?? locked.announced ?? date, request.today);
  const ids = (id: string) => current.ids.find((s) => s.id === id)!;
  const now = new Map(current.sections.map((s) => [s.id, { section: s, locked: lockSection(s, ids(s.id)) }]));
  const added = [...now.keys()].filter((id) => !(id in locked.sections));
  const removed = Object.keys(locked.sections).filter((id) => !now.has(id));
  const refuse = (problem: string): never => {
    throw new ContentError(
      file,
      problem,
      `A correction only fixes a typo; publish anything more as a new version: ${NEW_VERSION}.`,
    );
  };
  if (added.length || removed.length)
    refuse(`a correction cannot add or remove a section (${[...added, ...removed].join(", ")})`);
  const changed = [...now].filter(([id, s]) => s.locked.fingerprint !== locked.sections[id].fingerprint);
  if (changed.length === 0)
    throw new UsageError(
      `the text is the one recorded for ${date}`,
      "Nothing to correct: edit the text first, then run this command.",
    );
  let sentences = 0;
  for (const [id, { section, locked: print }] of changed) {
    if (print.clauseIds.join() !== locked.sections[id].clauseIds.join())
      refuse(`a correction cannot change clause ids (in the section \`${id}\`)`);
    sentences += firstChange(sentencesOf(section), locked.sections[id].sentences)?.count ?? 1;
  }
  if (sentences > MAX_CORRECTED_SENTENCES)
    refuse(`this changes ${sentences} sentences, more than a correction may (${MAX_CORRECTED_SENTENCES})`);
  const sections = { ...locked.sections, ...Object.fromEntries(changed.map(([id, s]) => [id, s.locked])) };
  const correction = { date: request.date, note: note.data, sections: changed.map(([id]) => id) };
  const corrections = [...(locked.corrections ?? []), correction];
  return { ...lock, versions: { ...lock.versions, [date]: { ...locked, sections, corrections } } };
}
