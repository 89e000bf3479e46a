import type { MarkdownIt } from "markdown-it";
import type { SectionIds } from "../content/published-ids.ts";
import type { SourceSection } from "../content/read-sections.ts";
import { clauseNumbers } from "./clause-numbers.ts";
import { type Heading, markdown, type RenderEnv, renderHeading, renderMarkdown } from "./markdown.ts";
import { type DefinedTerm, definedTerms, sectionPageLinks, usesRichText, wholePolicyLinks } from "./policy-terms.ts";

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
  clauses: NumberedHeading[];
  /** The same section inside the whole policy: its title is an h2, its clauses h3. */
  inPolicy: { headingHtml: string; html: string; clauses: NumberedHeading[] };
  previous: SectionLink | null;
  next: SectionLink | null;
  /** Its text has tables, notes, terms, quotations or a summary: its pages load assets/rich-text.css. */
  richText: boolean;
}

/** A clause heading with its number from order ("3.b", "3.b.i"; src/render/clause-numbers.ts). */
export interface NumberedHeading extends Heading {
  number: string;
}

/** Numbers a section's headings in order. */
function numbered(sectionNumber: number, headings: Heading[]): NumberedHeading[] {
  const numbers = clauseNumbers(
    sectionNumber,
    headings.map((h) => h.level),
  );
  return headings.map((heading, i) => ({ ...heading, number: numbers[i] }));
}

export interface Policy {
  sections: Section[];
  /** Every defined term, sorted: the “Key terms” list. */
  terms: DefinedTerm[];
  /** Some section has rich text (see Section.richText). */
  richText: boolean;
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

/** Renders checked, ordered sections (src/content/read-policy.ts) into the policy the layouts show. */
export function renderPolicy(ordered: SourceSection[], md: MarkdownIt = markdown, lang?: string): Policy {
  const policyTerms = definedTerms(ordered, md, lang);
  // One env for the whole-policy page, so its ids stay unique across every section on it.
  const wholePage: RenderEnv = { headingOffset: 1, terms: wholePolicyLinks(policyTerms) };
  const sections = ordered.map((source, index): Section => {
    const aliases = source.aliases ?? {};
    const position = index + 1;
    const sectionId = source.id;
    const numberHeadings = (levels: number[]) => clauseNumbers(position, levels);
    const terms = sectionPageLinks(policyTerms, sectionId);
    // The section's own page marks where its reader words go in the search index; the whole-policy page does not.
    const readerWords = { section: source.searchTerms, clauses: source.clauseSearchTerms };
    const own = renderMarkdown(md, source.body, { aliases, numberHeadings, sectionId, terms, readerWords });
    // Level 1 plus the page's offset of 1: the section title is an h2 on the whole-policy page.
    const heading = renderHeading(
      md,
      source.title,
      source.id,
      1,
      Object.assign(wholePage, { aliases: {}, numberHeadings: () => [String(position)] }),
    );
    // Link definitions are the section's own (markdown-it keeps them in `env.references`), as on
    // its own page: one section's `[terms]: …` must not turn another's literal "[terms]" into a link.
    const body = renderMarkdown(
      md,
      source.body,
      Object.assign(wholePage, { aliases, numberHeadings, sectionId, references: undefined }),
    );
    return {
      ...source,
      position,
      url: `/${source.id}/`,
      html: own.html,
      clauses: numbered(position, own.headings),
      inPolicy: { headingHtml: heading.html, html: body.html, clauses: numbered(position, body.headings) },
      previous: index > 0 ? link(ordered[index - 1]) : null,
      next: index < ordered.length - 1 ? link(ordered[index + 1]) : null,
      richText: usesRichText(own.html),
    };
  });
  return { sections, terms: policyTerms, richText: sections.some((s) => s.richText) };
}
