import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serializeLock, VERSION_LOCK_FILE } from "../../src/content/version-lock.ts";
import { recordVersions } from "../../src/history/new-version.ts";
import { todayUtc } from "../../src/options.ts";
import { loadContent } from "../../src/pipeline/load-policy.ts";
import { readSectionFiles, type SectionFile, synthesizeSections } from "./synthetic.ts";

/** One version of a synthetic history: its date, summary, notes and every section file. */
export interface SyntheticVersion {
  effectiveDate: string;
  summary: string;
  changeNotes: Record<string, string>;
  files: SectionFile[];
}

/** The first version's date (the day the real policy was archived) and the days between versions. */
const FIRST_DATE = Date.UTC(2014, 3, 8);
const DAYS_APART = 61;
const DAY = 24 * 60 * 60 * 1000;

/** The date of version `k` (0 for the first): two months apart, all long past. */
export const versionDate = (k: number): string =>
  new Date(FIRST_DATE + k * DAYS_APART * DAY).toISOString().slice(0, 10);

/** The two sections version `k` (1 on) changes: spread over the policy, so each changes every few versions. */
export function changedSections(k: number, sections: number): number[] {
  const first = (k * 7) % sections;
  const second = (k * 11 + 3) % sections;
  return first === second ? [first, (first + 1) % sections] : [first, second];
}

const isParagraph = (line: string): boolean => /^[A-Za-z]/.test(line) && !line.startsWith("Table:");

/** A section file with one more sentence at the end of one of its paragraphs (the `revision`-th, cycling). */
export function reviseSection(file: SectionFile, revision: number, date: string): SectionFile {
  const lines = file.text.split("\n");
  const bodyStart = lines.indexOf("---", 1) + 1;
  const paragraphs = lines.map((line, i) => (i >= bodyStart && isParagraph(line) ? i : -1)).filter((i) => i >= 0);
  if (paragraphs.length === 0) throw new Error(`${file.name} has no paragraph to revise`);
  const at = paragraphs[(revision - 1) % paragraphs.length];
  lines[at] = `${lines[at]} This passage was revised in the version of ${date}.`;
  return { name: file.name, text: lines.join("\n") };
}

/**
 * A policy of `sections` sections with `versions` versions, oldest first: the first is the
 * synthetic policy of that size; each later one rewords two sections (a sentence added to one
 * paragraph) and says why in a change note. Pure and deterministic.
 */
export function synthesizeHistory(sources: SectionFile[], sections: number, versions: number): SyntheticVersion[] {
  let files = synthesizeSections(sources, sections);
  const ids = files.map((file) => /^id: (\S+)$/m.exec(file.text)![1]);
  const revisions = new Array<number>(sections).fill(0);
  const history: SyntheticVersion[] = [
    { effectiveDate: versionDate(0), summary: "The first version.", changeNotes: {}, files },
  ];
  for (let k = 1; k < versions; k++) {
    const effectiveDate = versionDate(k);
    const changed = changedSections(k, sections);
    files = files.map((file, i) => (changed.includes(i) ? reviseSection(file, ++revisions[i], effectiveDate) : file));
    const changeNotes = Object.fromEntries(
      changed.map((i) => [ids[i], `Revised a passage of this section in version ${k + 1}.`]),
    );
    history.push({ effectiveDate, summary: `Version ${k + 1}: two sections revised.`, changeNotes, files });
  }
  return history;
}

/**
 * Writes a synthetic history as a project keeps one: the newest version in `<root>/content/`
 * (with the real site.json, its date, summary and notes), every earlier one in
 * `<root>/history/<date>/` with its version.json, and every version recorded in the version lock
 * as `npm run new-version` records them.
 */
export function writeSyntheticHistory(
  sourceContentDir: string,
  sections: number,
  versions: number,
  root: string,
): { contentDir: string; historyDir: string } {
  const contentDir = path.join(root, "content");
  const historyDir = path.join(root, "history");
  const history = synthesizeHistory(readSectionFiles(sourceContentDir), sections, versions);
  const current = history.at(-1)!;
  for (const version of history) {
    const dir = version === current ? contentDir : path.join(historyDir, version.effectiveDate);
    mkdirSync(dir, { recursive: true });
    for (const file of version.files) writeFileSync(path.join(dir, file.name), file.text);
    if (version === current) continue;
    const { effectiveDate, summary, changeNotes } = version;
    const notes = Object.keys(changeNotes).length ? { changeNotes } : {};
    writeFileSync(path.join(dir, "version.json"), `${JSON.stringify({ effectiveDate, summary, ...notes }, null, 2)}\n`);
  }
  const site = JSON.parse(readFileSync(path.join(sourceContentDir, "site.json"), "utf8"));
  const { effectiveDate, summary, changeNotes } = current;
  const siteJson = { ...site, effectiveDate, summary, changeNotes };
  writeFileSync(path.join(contentDir, "site.json"), `${JSON.stringify(siteJson, null, 2)}\n`);
  recordLock(contentDir, historyDir);
  return { contentDir, historyDir };
}

/** Records every version in the content folder's version lock, as `npm run new-version` does. */
function recordLock(contentDir: string, historyDir: string): void {
  const today = todayUtc();
  const checked = loadContent({ contentDir, historyDir, pathPrefix: "/", today });
  const current = {
    effectiveDate: checked.site.effectiveDate,
    sections: checked.current.sections,
    ids: checked.current.ids,
  };
  const { lock } = recordVersions(checked.lock.lock, [...checked.archived, current], today);
  writeFileSync(path.join(contentDir, VERSION_LOCK_FILE), serializeLock(lock));
}
