import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentNotice } from "../lib/notices.ts";
import { ContentError, ContentErrors } from "../lib/problems.ts";
import { type FolderRules, listContentFolder } from "./content-files.ts";
import { controlCharacterProblem, decodeText } from "./decode.ts";
import type { SectionFrontMatter } from "./front-matter.ts";
import { readFrontMatter, splitFrontMatter } from "./front-matter-read.ts";
import { placeholderProblem } from "./new-section.ts";

/** One section file, read and checked, not yet rendered. */
export interface SourceSection extends SectionFrontMatter {
  /** The path as given to the reader (relative to the project when the caller passes one). */
  file: string;
  /** The Markdown after the front matter. */
  body: string;
  /** The line number in the file where the body starts, so body line numbers can be reported. */
  bodyLine: number;
  /** The line of `title:` in the front matter. */
  titleLine?: number;
}

/** The result of reading one file: the section when it can be used, and everything wrong with it. */
export interface SectionRead {
  section?: SourceSection;
  /** When the section cannot be used: its id, if that much could be read. */
  unreadId?: string;
  problems: ContentError[];
}

/**
 * Sections that could not be read: their ids where known, and whether any id is unknown. A rule
 * that needs every section (a link to a section, a published id) does not conclude about these.
 */
export interface Unread {
  ids: string[];
  someUnknown: boolean;
}

/** Whether a section id may belong to a section that could not be read. */
export const mayBeUnread = (unread: Unread | undefined, id: string): boolean =>
  unread !== undefined && (unread.someUnknown || unread.ids.includes(id));

/** Reads one section file's text: front matter and body, every problem at its line; pure. */
export function readSection(file: string, text: string): SectionRead {
  const split = splitFrontMatter(file, text);
  if (split instanceof ContentError) return { problems: [split] };
  // Front matter values are checked for them one by one (src/content/value-reader.ts).
  const control = controlCharacterProblem(file, split.body, split.bodyLine);
  const { data, titleLine, id, problems } = readFrontMatter(file, split);
  if (control) problems.push(control);
  if (split.body.trim() === "") {
    problems.push(
      new ContentError(
        file,
        "the section has no text",
        "Write the section's text below the front matter, or delete the file.",
        split.bodyLine,
      ),
    );
  }
  const placeholder = placeholderProblem(file, split.body, split.bodyLine);
  if (placeholder) problems.push(placeholder);
  if (!data) return { unreadId: id, problems };
  return { section: { ...data, file, body: split.body, bodyLine: split.bodyLine, titleLine }, problems };
}

/** Reads one section file's text, throwing every problem at once: for tools and tests. */
export function parseSection(file: string, text: string): SourceSection {
  const { section, problems } = readSection(file, text);
  if (problems.length > 0) throw problems.length === 1 ? problems[0] : new ContentErrors(problems);
  return section!;
}

/** What a content folder holds: its sections, what was wrong, and what was skipped on purpose. */
export interface FolderRead {
  sections: SourceSection[];
  problems: ContentError[];
  notices: ContentNotice[];
  unread: Unread;
}

/** Reads every file of a content folder, in file-name order, accounting for each one. */
export function readContentFolder(dir: string, rules: FolderRules, displayRoot = process.cwd()): FolderRead {
  const read: FolderRead = { sections: [], problems: [], notices: [], unread: { ids: [], someUnknown: false } };
  const shown = (name: string): string => path.relative(displayRoot, path.join(dir, name));
  if (!existsSync(dir)) {
    const problem = "the folder of the policy's sections does not exist";
    read.problems.push(
      new ContentError(shown("") || dir, problem, "Create it, or point POLICY_CONTENT_DIR at the policy's folder."),
    );
    return read;
  }
  for (const entry of listContentFolder(dir, rules)) {
    const file = shown(entry.name);
    if (entry.kind === "problem") read.problems.push(new ContentError(file, entry.problem, entry.hint));
    if (entry.kind === "draft") {
      read.notices.push({
        file,
        kind: "skipped",
        message: "skipped: a draft (its name starts with “_”)",
        hint: "Remove the “_” from its name to publish it.",
      });
    }
    if (entry.kind !== "section") continue;
    const result = readFileAt(file, path.join(dir, entry.name));
    read.problems.push(...result.problems);
    if (result.section) read.sections.push(result.section);
    else if (result.unreadId) read.unread.ids.push(result.unreadId);
    else read.unread.someUnknown = true;
  }
  if (read.sections.length === 0 && read.unread.ids.length === 0 && !read.unread.someUnknown) {
    read.problems.push(
      new ContentError(
        path.relative(displayRoot, dir) || dir,
        "no section files were found",
        'Add one Markdown file per policy section (npm run new-section -- "Title").',
      ),
    );
  }
  return read;
}

function readFileAt(file: string, full: string): SectionRead {
  try {
    return readSection(file, decodeText(file, readFileSync(full)));
  } catch (error) {
    if (error instanceof ContentError) return { problems: [error] };
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      problems: [
        new ContentError(file, `the file cannot be read (${reason})`, "Check that it exists and that you may read it."),
      ],
    };
  }
}
