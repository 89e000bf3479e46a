import { ContentError } from "../lib/problems.ts";
import { bodyBlocks } from "./text-blocks.ts";

/** A version as its change notes are checked: where its notes are written and its sections. */
export interface NotedVersion {
  effectiveDate: string;
  /** The file holding its notes, as shown: "content/site.json", "history/2018-05-25/version.json". */
  file: string;
  /** The file's text, to point at the line of each note. */
  text?: string;
  changeNotes?: Record<string, string>;
  sections: ReadonlyArray<{ id: string; title: string; body: string }>;
}

/** The line of a note's key (`"sharing": …`) in its JSON file, after the `changeNotes` key. */
export function noteLine(text: string | undefined, id: string): number | undefined {
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.includes('"changeNotes"'));
  if (start < 0) return undefined;
  const at = lines.findIndex((line, i) => i >= start && line.includes(`"${id}"`));
  return at < 0 ? start + 1 : at + 1;
}

/** A section's text as readers read it (summaries left out), to tell whether it changed. */
const readText = (section: { title: string; body: string }): string =>
  JSON.stringify([section.title.trim(), bodyBlocks(section.body)]);

/**
 * Each change note names a section the version added, changed or removed: a note on a section
 * that did not change (or on an id no version has) would tell readers of a change that is not
 * there. The first version has nothing to compare with, so no notes.
 */
export function checkChangeNotes(oldestFirst: readonly NotedVersion[]): ContentError[] {
  const problems: ContentError[] = [];
  oldestFirst.forEach((version, i) => {
    const before = oldestFirst[i - 1];
    for (const id of Object.keys(version.changeNotes ?? {})) {
      const problem = (text: string, fix: string) =>
        problems.push(new ContentError(version.file, text, fix, noteLine(version.text, id)));
      if (!before) {
        problem(
          `the change note for \`${id}\` is on the first version, which changed nothing`,
          "Remove it: change notes say what a version changed since the one before.",
        );
        continue;
      }
      const now = version.sections.find((s) => s.id === id);
      const then = before.sections.find((s) => s.id === id);
      if (!now && !then) {
        problem(
          `the change note for \`${id}\` names no section of this version or the one before`,
          "Give the id of a section this version added, changed or removed (its `id:` in front matter).",
        );
      } else if (now && then && readText(now) === readText(then)) {
        problem(
          `the change note for \`${id}\` is on a section whose text did not change in this version (${version.effectiveDate})`,
          "Remove it, or move it to the version that changed that section. A change to a summary alone is not a change to the policy.",
        );
      }
    }
  });
  return problems;
}
