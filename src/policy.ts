import type { MarkdownIt } from "markdown-it";
import { ContentError } from "./content-error.ts";
import { markdown, renderHeading, renderMarkdown, type Heading, type RenderEnv } from "./markdown.ts";
import { readContentDir, type SourceSection } from "./read-content.ts";

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
    if (sameId) throw new ContentError(section.file, `the id \`${section.id}\` is already used by ${sameId.file}`, "Give each section its own id; ids are part of published URLs.", 1);
    const sameOrder = byOrder.get(section.order);
    if (sameOrder) throw new ContentError(section.file, `the order ${section.order} is already used by ${sameOrder.file}`, "Give each section its own order number.", 1);
    byId.set(section.id, section);
    byOrder.set(section.order, section);
  }
  return [...sections].sort((a, b) => a.order - b.order);
}

const link = (section: SourceSection): SectionLink => ({ id: section.id, title: section.title, url: `/${section.id}/` });

/** Renders one section, naming its file when markdown-it-anchor refuses a duplicate id. */
function render<T>(section: SourceSection, renderer: () => T): T {
  try {
    return renderer();
  } catch (error) {
    const duplicate = /`id` attribute `([^`]+)` is not unique/.exec((error as Error).message);
    if (!duplicate) throw error;
    throw new ContentError(section.file, `the id \`${duplicate[1]}\` is used twice on the page`, "Clause ids must be unique across the whole policy, and differ from section ids; rename one `{#id}`.");
  }
}

/** Turns checked source sections into the policy the layouts render. */
export function buildPolicy(sources: SourceSection[], md: MarkdownIt = markdown): Policy {
  const ordered = orderSections(sources);
  // One env for the whole-policy page, so its ids stay unique across every section on it.
  const wholePage: RenderEnv = { headingOffset: 1 };
  const sections = ordered.map((source, index): Section => {
    const aliases = source.aliases ?? {};
    const own = render(source, () => renderMarkdown(md, source.body, { aliases }));
    // Level 1 plus the page's offset of 1: the section title is an h2 on the whole-policy page.
    const heading = render(source, () => renderHeading(md, source.title, source.id, 1, Object.assign(wholePage, { aliases: {} })));
    const body = render(source, () => renderMarkdown(md, source.body, Object.assign(wholePage, { aliases })));
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
  return buildPolicy(readContentDir(contentDir));
}
