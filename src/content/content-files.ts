import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { byCodeUnit } from "../lib/files.ts";

/**
 * Every entry of a content folder is accounted for: a section, a known data file, a draft the
 * build skips and says so, a file of the system or an open editor that no one wrote, or a
 * mistake named with what to do. Nothing an author put there is passed over in silence.
 */
export type ContentEntry =
  | { kind: "section" | "data" | "draft" | "ignored"; name: string }
  | { kind: "problem"; name: string; problem: string; hint: string };

export interface FolderRules {
  /** The folder as shown in messages: "content/" or "history/2014-04-08/". */
  shown: string;
  /** Data files read beside the sections. */
  dataFiles: string[];
  /** Whether a name starting with `_` is a draft (content/ only: an archived version has none). */
  drafts: boolean;
}

/** Files that an operating system, version control or an editor with the file open puts in a folder. */
const SYSTEM_FILES = new Set(["Thumbs.db", "desktop.ini"]);
const MARKDOWN_LIKE = /\.(md|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext|mdx|rmd|txt|text)$/i;
const BACKUP = /(~|\.(bak|orig|old|tmp|swp|sav))$|^#.*#$/i;

/** Retired data files, and what replaced them. */
const REPLACED: Record<string, string> = {
  "published-ids.json": "The published ids are now recorded in version-lock.json: delete published-ids.json.",
};

/** Classifies one name in a content folder; pure, so every rule is tested without files. */
export function classifyEntry(name: string, isFolder: boolean, rules: FolderRules): ContentEntry {
  const problem = (text: string, hint: string): ContentEntry => ({ kind: "problem", name, problem: text, hint });
  // Hidden files are settings and editor state (.DS_Store, .gitkeep, .cookies.md.swp, .#cookies.md).
  if (name.startsWith(".") && !(MARKDOWN_LIKE.test(name) && !name.startsWith(".#"))) return { kind: "ignored", name };
  if (SYSTEM_FILES.has(name) || /^#.*#$/.test(name)) return { kind: "ignored", name };
  if (rules.drafts && name.startsWith("_")) return { kind: "draft", name };
  if (name.startsWith(".")) {
    return problem(
      "a hidden file is never read",
      `If it is a section, rename it to \`${name.slice(1).includes(".") ? name.slice(1) : `08-section${name}`}\`${rules.drafts ? "; to keep a draft, start its name with `_` instead" : ""}.`,
    );
  }
  if (isFolder) {
    return problem(
      "a folder here is never read: sections are the files directly in this folder",
      `Move its sections up into ${rules.shown}, or move the folder out${rules.drafts ? `; to keep drafts in it, rename it \`_${name}\`` : ""}.`,
    );
  }
  if (rules.dataFiles.includes(name)) return { kind: "data", name };
  if (name in REPLACED) return problem("this data file is no longer read", REPLACED[name]);
  if (/\.md$/.test(name)) return { kind: "section", name };
  if (BACKUP.test(name)) {
    return problem(
      "an editor's backup copy is never read",
      `Delete it (the text that counts is in the file without the backup ending)${rules.drafts ? ", or start its name with `_` to keep it as a draft" : ""}.`,
    );
  }
  const base = name.replace(MARKDOWN_LIKE, "").replace(/\.md$/i, "");
  if (MARKDOWN_LIKE.test(name)) {
    return problem(
      `only files ending in \`.md\` are read as sections, so this one is not`,
      `If it is a section, rename it to \`${base}.md\`${rules.drafts ? "; if it is a draft, start its name with `_`" : ""}; otherwise move it out of ${rules.shown}.`,
    );
  }
  const extension = path.extname(name);
  return problem(
    extension
      ? `a \`${extension}\` file is not a section or a data file, so it is never read`
      : "a file without an extension is never read",
    `Sections are Markdown files ending in \`.md\`${extension ? "" : `: if it is one, rename it to \`${name}.md\``}; move anything else out of ${rules.shown}${rules.drafts ? " (or start its name with `_` to keep it as a draft)" : ""}.`,
  );
}

/** Lists and classifies a folder's entries, in code-unit order, saying which are folders. */
export function listContentFolder(dir: string, rules: FolderRules): Array<ContentEntry & { folder: boolean }> {
  return readdirSync(dir)
    .sort(byCodeUnit)
    .map((name) => {
      const folder = statSync(path.join(dir, name), { throwIfNoEntry: false })?.isDirectory() ?? false;
      return { ...classifyEntry(name, folder, rules), folder };
    });
}

/** A folder as shown in messages, with its final slash: "content/", "tests/x/content/". */
export function shownFolder(dir: string, displayRoot = process.cwd()): string {
  return `${path.relative(displayRoot, dir) || "."}/`;
}
