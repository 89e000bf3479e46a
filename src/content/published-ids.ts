import { ContentError } from "../lib/problems.ts";
import { mayBeUnread, type Unread } from "./read-sections.ts";

/** A section as the id rules see it: its id, the clause ids it renders, and the retired ids it keeps anchors for. */
export interface SectionIds {
  id: string;
  file: string;
  clauseIds: string[];
  aliases: Record<string, string>;
}

/**
 * Links people have shared must keep working: every recorded section id must still be a
 * section, and every recorded clause id must still be on that section's page, as a clause or
 * as an alias that keeps an anchor for it. `recorded` comes from the version lock; a section that
 * could not be read (`unread`) is not reported missing: its own problem is.
 */
export function checkPublishedIds(
  recorded: Map<string, Set<string>>,
  sections: SectionIds[],
  lockFile: string,
  unread?: Unread,
): ContentError[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const problems: ContentError[] = [];
  for (const [sectionId, clauseIds] of recorded) {
    const section = byId.get(sectionId);
    if (!section) {
      if (mayBeUnread(unread, sectionId)) continue;
      problems.push(
        new ContentError(
          lockFile,
          `the section id \`${sectionId}\` was published (/${sectionId}/) but no section has it now`,
          `A section's id is its address and cannot be retired: put \`id: ${sectionId}\` back in that section's front matter (its title may change freely).`,
        ),
      );
      continue;
    }
    for (const clauseId of [...clauseIds].sort()) {
      if (section.clauseIds.includes(clauseId) || clauseId in section.aliases) continue;
      problems.push(
        new ContentError(
          section.file,
          `the clause id \`${clauseId}\` was published (/${sectionId}/#${clauseId}) but this section no longer has it`,
          `Put \`{#${clauseId}}\` back on its heading (reword the heading freely, keep the id), or, if the clause was retired on purpose, keep an anchor for old links in the front matter: \`aliases: { ${clauseId}: <id of the clause that replaces it> }\`.`,
        ),
      );
    }
  }
  return problems;
}

/** Addresses the content has that were never recorded, as `/section/` and `/section/#clause`. */
export function unrecordedIds(recorded: Map<string, Set<string>>, sections: SectionIds[]): string[] {
  return sections.flatMap((s) => [
    ...(recorded.has(s.id) ? [] : [`/${s.id}/`]),
    ...[...s.clauseIds, ...Object.keys(s.aliases)]
      .filter((id) => !recorded.get(s.id)?.has(id))
      .map((id) => `/${s.id}/#${id}`),
  ]);
}
