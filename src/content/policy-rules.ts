import { ContentError } from "../lib/problems.ts";
import { checkClauseSearchTerms } from "./clause-search-terms.ts";
import { checkIds } from "./id-rules.ts";
import { checkLinks } from "./link-rules.ts";
import { lostTextProblems } from "./lost-text.ts";
import { checkMarkdown, type MarkdownScan, scanMarkdown } from "./markdown-rules.ts";
import type { SectionIds } from "./published-ids.ts";
import type { SourceSection, Unread } from "./read-sections.ts";
import { checkTerms } from "./term-rules.ts";

export interface ScannedSection {
  source: SourceSection;
  scan: MarkdownScan;
}

/** Sorts sections by `order`; two sections with the same order or the same id are problems. */
export function orderSections<T extends Pick<SourceSection, "id" | "order" | "file">>(
  sections: T[],
): { ordered: T[]; problems: ContentError[] } {
  const problems: ContentError[] = [];
  const byId = new Map<string, T>();
  const byOrder = new Map<number, T>();
  for (const section of sections) {
    const sameId = byId.get(section.id);
    if (sameId)
      problems.push(
        new ContentError(
          section.file,
          `the id \`${section.id}\` is already used by ${sameId.file}`,
          "Give each section its own id; ids are part of published URLs.",
          1,
        ),
      );
    const sameOrder = byOrder.get(section.order);
    if (sameOrder)
      problems.push(
        new ContentError(
          section.file,
          `the order ${section.order} is already used by ${sameOrder.file}`,
          "Give each section its own order number.",
          1,
        ),
      );
    if (!sameId) byId.set(section.id, section);
    if (!sameOrder) byOrder.set(section.order, section);
  }
  return { ordered: [...sections].sort((a, b) => a.order - b.order), problems };
}

/** A version's sections, checked: in policy order, with what their Markdown holds and every problem found. */
export interface CheckedSections {
  sections: SourceSection[];
  scanned: ScannedSection[];
  problems: ContentError[];
}

/**
 * Every rule the content must meet before anything is rendered: each section's Markdown on its
 * own (its rules, and no text that would not reach the page), then what needs the whole policy
 * (unique ids, aliases, links). `unread`: the sections that could not be read, if any.
 */
export function checkSections(sources: SourceSection[], unread?: Unread): CheckedSections {
  const { ordered, problems } = orderSections(sources);
  const scanned: ScannedSection[] = ordered.map((source) => {
    const scan = scanMarkdown(source.body, source.bodyLine);
    const rules = checkMarkdown(source.file, scan);
    // A line a rule already refuses (an unsupported attribute, a table row too wide) also loses
    // words; one problem per line is enough to fix it.
    const lost = lostTextProblems(source.file, source.body, source.bodyLine).filter(
      (problem) => !rules.some((rule) => rule.line === problem.line),
    );
    problems.push(...rules, ...lost);
    return { source, scan };
  });
  problems.push(
    ...checkIds(scanned),
    ...checkClauseSearchTerms(scanned),
    ...checkTerms(scanned),
    ...checkLinks(scanned, unread),
  );
  return { sections: ordered, scanned, problems };
}

/** The ids each checked section publishes: what the version lock records and protects. */
export function idsOf(scanned: ScannedSection[]): SectionIds[] {
  return scanned.map(({ source, scan }) => ({
    id: source.id,
    file: source.file,
    clauseIds: scan.headings.flatMap((h) => (h.id ? [h.id] : [])),
    aliases: source.aliases ?? {},
  }));
}
