import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "../lib/json-file.ts";
import { printOf, type SectionText, sentencesOf } from "./fingerprint.ts";
import { ID_PATTERN } from "./ids.ts";
import type { SectionIds } from "./published-ids.ts";
import { isoDate } from "./site-json.ts";

/**
 * The version lock, `content/version-lock.json`: what was published under each effective date.
 * Per version, each section's text fingerprint (src/content/fingerprint.ts) and every id a link
 * can land on (clause ids and aliases), and any corrections made since. Written only by
 * `npm run new-version` and `npm run correct`; the build compares the text with it.
 */
export const VERSION_LOCK_FILE = "version-lock.json";

export const LOCK_ABOUT =
  "What was published under each effective date: each section's text fingerprint and its clause ids, the day it was announced if ahead of its date, and any corrections since. Written by npm run new-version and npm run correct; do not edit it by hand (docs/editing.md, “Versions and history”).";

const id = z.string().regex(ID_PATTERN);

const lockedSection = z
  .object({
    fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    sentences: z.array(z.string().regex(/^[0-9a-f]{12}$/)),
    /** Clause ids and aliases: every `#id` of the section's page that a link may use. */
    clauseIds: z.array(id),
  })
  .strict();

/** A typo fixed under a published date, on purpose and in view: shown on /history/. */
export const correctionSchema = z
  .object({
    date: isoDate,
    note: z.string().trim().min(1).max(300),
    /** The ids of the sections whose text changed. */
    sections: z.array(id).min(1),
  })
  .strict();

const lockedVersion = z
  .object({
    /**
     * The day a version was published ahead of its effective date (`npm run new-version` with a
     * later date): the feed's date for its announcement, the same on every build.
     */
    announced: isoDate.optional(),
    sections: z.record(id, lockedSection),
    corrections: z.array(correctionSchema).optional(),
  })
  .strict();

export const versionLockSchema = z
  .object({ about: z.string().optional(), versions: z.record(isoDate, lockedVersion) })
  .strict();

export type VersionLock = z.infer<typeof versionLockSchema>;
export type LockedVersion = z.infer<typeof lockedVersion>;
export type LockedSection = z.infer<typeof lockedSection>;
export type Correction = z.infer<typeof correctionSchema>;

export interface LockFile {
  /** The file, as shown in messages. */
  file: string;
  lock: VersionLock;
}

/** Reads the lock beside the section files; a folder without one has recorded nothing yet. */
export function readVersionLock(contentDir: string, displayRoot = process.cwd()): LockFile {
  const full = path.join(contentDir, VERSION_LOCK_FILE);
  const file = path.relative(displayRoot, full);
  if (!existsSync(full)) return { file, lock: { versions: {} } };
  const lock = readJsonFile(full, file, versionLockSchema, {
    what: "version lock",
    unreadable:
      "Restore it from version control: it records what was published, and only npm run new-version and npm run correct write it.",
    invalid:
      "Restore it from version control: it records what was published, and only npm run new-version and npm run correct write it.",
  });
  return { file, lock };
}

/** A section as recorded: the print of its text and the ids its page offers. */
export function lockSection(text: SectionText, ids: SectionIds): LockedSection {
  return {
    ...printOf(sentencesOf(text)),
    clauseIds: [...new Set([...ids.clauseIds, ...Object.keys(ids.aliases)])].sort(),
  };
}

/** The lock as written to disk: versions oldest first, sections in policy order, a newline at the end. */
export function serializeLock(lock: VersionLock): string {
  const versions = Object.fromEntries(Object.entries(lock.versions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ about: LOCK_ABOUT, versions }, null, 2)}\n`;
}

/** Every id ever recorded, per section: what links may have been shared to. */
export function recordedIds(lock: VersionLock): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const version of Object.values(lock.versions)) {
    for (const [sectionId, section] of Object.entries(version.sections)) {
      const known = ids.get(sectionId) ?? new Set<string>();
      for (const clauseId of section.clauseIds) known.add(clauseId);
      ids.set(sectionId, known);
    }
  }
  return ids;
}
