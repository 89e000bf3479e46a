import markdownIt, { type Env, type MarkdownIt, type StateCore, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import attrs from "markdown-it-attrs";
import { slugifyHeading } from "../content/ids.ts";
import { usePolicySyntax } from "../content/policy-syntax.ts";
import { useCallouts } from "./callouts.ts";
import { type TermLink, useDefinedTerms } from "./defined-terms.ts";
import { type NumberHeadings, numberHeadings } from "./heading-numbers.ts";
import { useNotes } from "./notes.ts";
import { readerWordsPlugin } from "./reader-words.ts";
import { useTables } from "./tables.ts";

/** Per-render settings carried in markdown-it's env. */
export interface RenderEnv extends Env {
  /** Added to every heading level, so a section's h2 clauses become h3 inside the whole policy. */
  headingOffset?: number;
  /** markdown-it-anchor keeps the slugs it has used here; share one env to keep ids unique across renders. */
  markdownItAnchor?: { slugs: Record<string, boolean> };
  /** Retired clause ids mapped to the id that replaced them: the page keeps an anchor for each. */
  aliases?: Record<string, string>;
  /** Numbers to put in the headings ("3.b"), from their levels; none when unset. */
  numberHeadings?: NumberHeadings;
  /** The section being rendered: the ids of its notes, tables and summary are made from it. */
  sectionId?: string;
  /** The policy's defined terms, with where each links from this page: the first use of each is linked. */
  terms?: TermLink[];
}

export interface Heading {
  id: string;
  text: string;
  /** The level as rendered, after any offset. */
  level: number;
}

export const PERMALINK_CLASS = "permalink";
export const permalinkText = (heading: string): string => `Permalink to “${heading}”`;

/**
 * The Markdown renderer the build uses, and the one the tests check.
 * - html: false: the policy is legal text, so raw HTML in it is shown as text, never run.
 * - typographer: false: quotes and dashes stay exactly as written.
 * - markdown-it-attrs (ids only) lets authors declare a clause id: `## Heading {#stable-id}`.
 * - markdown-it-anchor gives every heading an id and a permalink after it whose name is the
 *   heading (visually hidden text), whose "#" is aria-hidden, and which Pagefind ignores.
 *   https://github.com/valeriangalliat/markdown-it-anchor#link-after-header
 * - the policy's own syntax (src/content/policy-syntax.ts: tables with captions, notes, defined
 *   terms, callouts, summaries), rendered by ./tables.ts, ./notes.ts, ./defined-terms.ts and
 *   ./callouts.ts.
 */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  usePolicySyntax(md);
  md.use(attrs, { allowedAttributes: ["id"] });
  md.use(anchor, {
    level: [1, 2, 3, 4, 5, 6],
    slugify: slugifyHeading,
    tabIndex: -1,
    // A second "Overview" on a page becomes overview-2, which reads better than overview-1.
    uniqueSlugStartIndex: 2,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: permalinkText,
      visuallyHiddenClass: "visually-hidden",
      class: PERMALINK_CLASS,
      symbol: "#",
      wrapper: ['<div class="heading">', "</div>"],
      renderAttrs: () => ({ "data-pagefind-ignore": "" }),
    }),
  });
  // Where a section page's reader words go in the search index's copy (src/render/reader-words.ts).
  md.use(readerWordsPlugin);
  md.core.ruler.push("heading_offset", offsetHeadings);
  md.core.ruler.push("heading_aliases", addAliasAnchors);
  md.core.ruler.push("heading_numbers", numberHeadings);
  useTables(md);
  useNotes(md);
  useDefinedTerms(md);
  useCallouts(md);
  return md;
}

function offsetHeadings(state: StateCore): void {
  const offset = (state.env as RenderEnv).headingOffset ?? 0;
  if (offset === 0) return;
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + offset)}`;
    }
  }
}

/** Before a heading, an empty anchor for each retired id, so links shared before a rename still land. */
function addAliasAnchors(state: StateCore): void {
  const aliases = Object.entries((state.env as RenderEnv).aliases ?? {});
  if (aliases.length === 0) return;
  for (let i = state.tokens.length - 1; i >= 0; i--) {
    const token = state.tokens[i];
    if (token.type !== "heading_open") continue;
    const id = token.attrGet("id");
    for (const [oldId] of aliases.filter(([, target]) => target === id)) {
      const anchorToken = new state.Token("html_block", "", 0);
      anchorToken.content = `<span id="${oldId}" class="alias-anchor"></span>\n`;
      state.tokens.splice(i, 0, anchorToken);
    }
  }
}

/** The headings of parsed tokens, in order, as they will render. */
export function extractHeadings(tokens: Token[]): Heading[] {
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const inline = tokens[i + 1];
    const text = (inline.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    headings.push({ id: String(token.attrGet("id") ?? ""), text, level: Number(token.tag.slice(1)) });
  });
  return headings;
}

export interface Rendered {
  html: string;
  headings: Heading[];
}

/** Parses once and renders those tokens, so the headings listed are exactly the ones in the HTML. */
export function renderMarkdown(md: MarkdownIt, source: string, env: RenderEnv = {}): Rendered {
  const tokens = md.parse(source, env);
  return { html: md.renderer.render(tokens, md.options, env), headings: extractHeadings(tokens) };
}

/** Escapes text so that markdown-it reads it as plain inline text (used for titles from front matter). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&-]/g, (c) => `\\${c}`);
}

/** A heading with its permalink, from plain text, exactly as a heading written in Markdown renders. */
export function renderHeading(md: MarkdownIt, text: string, id: string, level: number, env: RenderEnv = {}): Rendered {
  return renderMarkdown(md, `${"#".repeat(level)} ${escapeInline(text)} {#${id}}`, env);
}

/** The one instance the build and the tests share. */
export const markdown = createMarkdown();
