import type { MarkdownIt } from "markdown-it";
import { termId } from "../content/ids.ts";
import type { SourceSection } from "../content/read-sections.ts";
import { type TermLink, termText } from "./defined-terms.ts";

/** A term the policy defines, for the “Key terms” list and the links to its definition. */
export interface DefinedTerm {
  text: string;
  id: string;
  /** The section that defines it. */
  sectionId: string;
  sectionTitle: string;
}

/** A definition list's `: definition` line; a body without one defines nothing and is not parsed again. */
const DEFINITION_LINE = /^ {0,3}[:~][ \t]/m;

/** Every term the policy defines, sorted as a reader looks one up (by its words, ignoring case). */
export function definedTerms(sections: readonly SourceSection[], md: MarkdownIt, lang = "en"): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  for (const section of sections) {
    if (!DEFINITION_LINE.test(section.body)) continue;
    const tokens = md.parse(section.body, {});
    tokens.forEach((token, i) => {
      if (token.type !== "dt_open") return;
      const text = termText(tokens[i + 1]);
      terms.push({ text, id: termId(text), sectionId: section.id, sectionTitle: section.title });
    });
  }
  const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  return terms.sort((a, b) => collator.compare(a.text, b.text));
}

/** Where each term links from a section's own page: its definition on this page, or on the page that defines it. */
export function sectionPageLinks(terms: readonly DefinedTerm[], sectionId: string): TermLink[] {
  return terms.map((t) => ({
    text: t.text,
    href: t.sectionId === sectionId ? `#${t.id}` : `/${t.sectionId}/#${t.id}`,
  }));
}

/** On a page holding the whole policy every definition is on the page. */
export function wholePolicyLinks(terms: readonly DefinedTerm[]): TermLink[] {
  return terms.map((t) => ({ text: t.text, href: `#${t.id}` }));
}

/** Whether rendered text uses anything styled by assets/rich-text.css (the page then loads it). */
export function usesRichText(html: string): boolean {
  return /<(table|blockquote|dl)\b|class="(notes|callout[^"]*|summary|term-ref)"/.test(html);
}
