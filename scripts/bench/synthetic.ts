import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { parseSection } from "../../src/content/read-sections.ts";

/** A section file by name and text, as it sits in a content folder. */
export interface SectionFile {
  name: string;
  text: string;
}

/** Suffixes every declared `{#id}` in a section body, so clause ids stay unique across copies. */
export function suffixClauseIds(body: string, suffix: string): string {
  return body.replace(/\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}/g, (_, id: string) => `{#${id}-${suffix}}`);
}

function suffixAliases(aliases: unknown, suffix: string): Record<string, string> | undefined {
  if (!aliases || typeof aliases !== "object") return undefined;
  return Object.fromEntries(
    Object.entries(aliases as Record<string, string>).map(([from, to]) => [`${from}-${suffix}`, `${to}-${suffix}`]),
  );
}

/**
 * A policy of `count` sections made by cycling through the real ones in order. Copy `n` (from 1)
 * gets its own id, order, title and clause ids (`cookies-12`, "What About Cookies? (12)"), so every
 * id is unique and the text is the real text. Pure and deterministic: the same input, the same files.
 */
export function synthesizeSections(sources: SectionFile[], count: number): SectionFile[] {
  if (sources.length === 0) throw new Error("no section files to copy from");
  const parsed = [...sources]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((source) => {
      const { file, body, bodyLine, titleLine, ...data } = parseSection(source.name, source.text);
      return { data, content: body };
    });
  const width = String(count).length;
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const { data, content } = parsed[index % parsed.length];
    const suffix = String(n);
    const front: Record<string, unknown> = {
      ...data,
      id: `${data.id}-${suffix}`,
      order: n,
      title: `${data.title} (${suffix})`,
    };
    const aliases = suffixAliases(data.aliases, suffix);
    if (aliases) front.aliases = aliases;
    if (data.clauseSearchTerms) {
      const terms = Object.entries(data.clauseSearchTerms as Record<string, string[]>);
      front.clauseSearchTerms = Object.fromEntries(terms.map(([id, words]) => [`${id}-${suffix}`, words]));
    }
    return {
      name: `${suffix.padStart(width, "0")}-${front.id}.md`,
      text: `---\n${stringify(front, { lineWidth: 0 })}---\n${suffixClauseIds(content, suffix)}`,
    };
  });
}

/** The section files of a content folder, in name order. */
export function readSectionFiles(contentDir: string): SectionFile[] {
  return readdirSync(contentDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(contentDir, name), "utf8") }));
}

/** Writes a synthetic policy of `count` sections (and the real site.json) into `destDir`. */
export function writeSyntheticContent(contentDir: string, count: number, destDir: string): void {
  mkdirSync(destDir, { recursive: true });
  for (const file of synthesizeSections(readSectionFiles(contentDir), count)) {
    writeFileSync(path.join(destDir, file.name), file.text);
  }
  copyFileSync(path.join(contentDir, "site.json"), path.join(destDir, "site.json"));
}
