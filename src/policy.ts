import type { MarkdownIt } from "markdown-it";
import { ContentError } from "./content-error.ts";
import { type Heading, markdown, type RenderEnv, renderHeading, renderMarkdown } from "./markdown.ts";
import { type PublishedList, readPublishedIds, type SectionIds } from "./published-ids.ts";
import { readContentDir, type SourceSection } from "./read-content.ts";
import { validatePolicy } from "./validate-policy.ts";

export interface SectionLink {
  id: string;
  title: string;
  url: string;
}

/** A section ready for the layouts: rendered for its own page and for the whole-policy page. */
export interface Section extends SourceSection {
  /** 1 for the first section, whatever its `order` number (orders may have gaps). */
  position: number;
  /** Site-relative URL of the section's own page (the path prefix is applied by the layouts). */
  url: string;
  /** Body HTML for the section page, where clauses are h2. */
  html: string;
  clauses: Heading[];
  /** The same section inside the whole policy: its title is an h2, its clauses h3. */
  inPolicy: { headingHtml: string; html: string; clauses: Heading[] };
  previous: SectionLink | null;
  next: SectionLink | null;
}

export interface Policy {
  sections: Section[];
}

/** Sorts sections by `order`, refusing two sections with the same order or the same id. */
export function orderSections<T extends Pick<SourceSection, "id" | "order" | "file">>(sections: T[]): T[] {
  const byId = new Map<string, T>();
  const byOrder = new Map<number, T>();
  for (const section of sections) {
    const sameId = byId.get(section.id);
    if (sameId)
      throw new ContentError(
        section.file,
        `the id \`${section.id}\` is already used by ${sameId.file}`,
        "Give each section its own id; ids are part of published URLs.",
        1,
      );
    const sameOrder = byOrder.get(section.order);
    if (sameOrder)
      throw new ContentError(
        section.file,
        `the order ${section.order} is already used by ${sameOrder.file}`,
        "Give each section its own order number.",
        1,
      );
    byId.set(section.id, section);
    byOrder.set(section.order, section);
  }
  return [...sections].sort((a, b) => a.order - b.order);
}

const link = (section: SourceSection): SectionLink => ({
  id: section.id,
  title: section.title,
  url: `/${section.id}/`,
});

/** The ids each section publishes, for the list of published ids. */
export function sectionIds(policy: Policy): SectionIds[] {
  return policy.sections.map((s) => ({
    id: s.id,
    file: s.file,
    clauseIds: s.clauses.map((c) => c.id),
    aliases: s.aliases ?? {},
  }));
}

/** Checks source sections and turns them into the policy the layouts render. */
export function buildPolicy(sources: SourceSection[], md: MarkdownIt = markdown, published?: PublishedList): Policy {
  const ordered = orderSections(sources);
  validatePolicy(ordered, published);
  // One env for the whole-policy page, so its ids stay unique across every section on it.
  const wholePage: RenderEnv = { headingOffset: 1 };
  const sections = ordered.map((source, index): Section => {
    const aliases = source.aliases ?? {};
    const own = renderMarkdown(md, source.body, { aliases });
    // Level 1 plus the page's offset of 1: the section title is an h2 on the whole-policy page.
    const heading = renderHeading(md, source.title, source.id, 1, Object.assign(wholePage, { aliases: {} }));
    const body = renderMarkdown(md, source.body, Object.assign(wholePage, { aliases }));
    return {
      ...source,
      position: index + 1,
      url: `/${source.id}/`,
      html: own.html,
      clauses: own.headings,
      inPolicy: { headingHtml: heading.html, html: body.html, clauses: body.headings },
      previous: index > 0 ? link(ordered[index - 1]) : null,
      next: index < ordered.length - 1 ? link(ordered[index + 1]) : null,
    };
  });
  return { sections };
}

/** Reads, checks and renders the policy in a content folder. */
export function loadPolicy(contentDir: string): Policy {
  return buildPolicy(readContentDir(contentDir), markdown, readPublishedIds(contentDir));
}
