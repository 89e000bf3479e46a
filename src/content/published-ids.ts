import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError } from "../lib/problems.ts";
import { ID_PATTERN } from "./ids.ts";

/** The list beside the section files of every id ever published: section id → clause ids on its page. */
export const PUBLISHED_IDS_FILE = "published-ids.json";

const publishedIdsSchema = z.record(z.string().regex(ID_PATTERN), z.array(z.string().regex(ID_PATTERN)));

export type PublishedIds = z.infer<typeof publishedIdsSchema>;

export interface PublishedList {
  /** The file, as shown in errors. */
  file: string;
  ids: PublishedIds;
}

/** A section as the list sees it: its id, the clause ids it renders, and the retired ids it keeps anchors for. */
export interface SectionIds {
  id: string;
  file: string;
  clauseIds: string[];
  aliases: Record<string, string>;
}

/** Reads the list; a content folder without one (a new policy, a test fixture) has published nothing yet. */
export function readPublishedIds(contentDir: string, displayRoot = process.cwd()): PublishedList | undefined {
  const full = path.join(contentDir, PUBLISHED_IDS_FILE);
  if (!existsSync(full)) return undefined;
  const file = path.relative(displayRoot, full);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    throw new ContentError(
      file,
      `cannot read the list of published ids: ${(error as Error).message}`,
      "Restore the file from version control, or regenerate it with `npm run record-ids`.",
    );
  }
  const result = publishedIdsSchema.safeParse(data);
  if (!result.success) {
    throw new ContentError(
      file,
      "the list of published ids is not a map of section id to clause ids",
      "Restore the file from version control, or regenerate it with `npm run record-ids`.",
    );
  }
  return { file, ids: result.data };
}

/**
 * Links people have shared must keep working: every published section id must still be a
 * section, and every published clause id must still be on that section's page, as a clause or
 * as an alias that keeps an anchor for it.
 */
export function checkPublishedIds(list: PublishedList, sections: SectionIds[]): void {
  const byId = new Map(sections.map((s) => [s.id, s]));
  for (const [sectionId, clauseIds] of Object.entries(list.ids)) {
    const section = byId.get(sectionId);
    if (!section) {
      throw new ContentError(
        list.file,
        `the section id \`${sectionId}\` was published (/${sectionId}/) but no section has it now`,
        `A section's id is its address and cannot be retired: put \`id: ${sectionId}\` back in that section's front matter (its title may change freely).`,
      );
    }
    for (const clauseId of clauseIds) {
      if (section.clauseIds.includes(clauseId) || clauseId in section.aliases) continue;
      throw new ContentError(
        section.file,
        `the clause id \`${clauseId}\` was published (/${sectionId}/#${clauseId}) but this section no longer has it`,
        `Put \`{#${clauseId}}\` back on its heading (reword the heading freely, keep the id), or, if the clause was retired on purpose, keep an anchor for old links in the front matter: \`aliases: { ${clauseId}: <id of the clause that replaces it> }\`.`,
      );
    }
  }
}

/** The list with every current id added; nothing is ever removed, since published links live on. */
export function recordPublishedIds(previous: PublishedIds, sections: SectionIds[]): PublishedIds {
  const next: PublishedIds = {};
  for (const section of sections) {
    next[section.id] = [...new Set([...(previous[section.id] ?? []), ...section.clauseIds])].sort();
  }
  for (const [id, clauseIds] of Object.entries(previous)) next[id] ??= clauseIds;
  return next;
}

/** Ids the content has that the list does not: what `npm run record-ids` would add. */
export function unrecordedIds(list: PublishedIds, sections: SectionIds[]): string[] {
  return sections.flatMap((s) => [
    ...(s.id in list ? [] : [`/${s.id}/`]),
    ...s.clauseIds.filter((id) => !list[s.id]?.includes(id)).map((id) => `/${s.id}/#${id}`),
  ]);
}
