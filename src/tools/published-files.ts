import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { classifyEntry, listContentFolder } from "../content/content-files.ts";
import { decodeText } from "../content/decode.ts";
import { printOf, sentencesOf } from "../content/fingerprint.ts";
import { readSection } from "../content/read-sections.ts";
import type { LockedVersion } from "../content/version-lock.ts";

/** A section file's name and exact bytes. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

const SECTION_RULES = { shown: "", dataFiles: [], drafts: true };

/** Whether these section files hold exactly the text the lock recorded for a version. */
export function matchesLocked(files: SourceFile[], locked: LockedVersion): boolean {
  const prints = new Map<string, string>();
  for (const { name, bytes } of files) {
    const { section } = readSection(name, decodeText(name, bytes));
    if (!section) return false;
    prints.set(section.id, printOf(sentencesOf(section)).fingerprint);
  }
  const ids = Object.keys(locked.sections);
  return ids.length === prints.size && ids.every((id) => prints.get(id) === locked.sections[id].fingerprint);
}

/** The sections these files hold (files that cannot be read are left out: the build reports them). */
export function sectionsOf(files: SourceFile[]): Array<{ id: string; title: string; body: string }> {
  return files.flatMap(({ name, bytes }) => {
    const { section } = readSection(name, decodeText(name, bytes));
    return section ? [section] : [];
  });
}

/** The section files of a content folder as they are on disk. */
export function filesOnDisk(contentDir: string): SourceFile[] {
  return listContentFolder(contentDir, SECTION_RULES)
    .filter((entry) => entry.kind === "section")
    .map(({ name }) => ({ name, bytes: readFileSync(path.join(contentDir, name)) }));
}

const git = (cwd: string, args: string[]): Buffer =>
  execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"] });

/**
 * The section files of the newest commit whose text is what the lock recorded, when the folder
 * itself has been edited since: `npm run new-version` archives exactly what was published, and
 * the fingerprints prove it. Undefined when the folder is not in a git repository or no commit
 * among the last `depth` that touched it matches.
 */
export function filesFromGit(
  contentDir: string,
  locked: LockedVersion,
  depth = 200,
): { commit: string; files: SourceFile[] } | undefined {
  let root: string;
  try {
    root = git(contentDir, ["rev-parse", "--show-toplevel"]).toString().trim();
  } catch {
    return undefined;
  }
  const folder = path.relative(root, contentDir).split(path.sep).join("/");
  const commits = git(root, ["log", `-n${depth}`, "--format=%H", "--", folder || "."])
    .toString()
    .split("\n")
    .filter(Boolean);
  for (const commit of commits) {
    const names = git(root, ["ls-tree", "--name-only", `${commit}:${folder}`])
      .toString()
      .split("\n")
      .filter((name) => name && classifyEntry(name, false, SECTION_RULES).kind === "section");
    const files = names.map((name) => ({
      name,
      bytes: new Uint8Array(git(root, ["show", `${commit}:${folder ? `${folder}/` : ""}${name}`])),
    }));
    try {
      if (matchesLocked(files, locked)) return { commit, files };
    } catch {
      // A commit whose files do not even read (not UTF-8) is not the published text.
    }
  }
  return undefined;
}
