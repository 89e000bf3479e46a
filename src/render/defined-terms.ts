import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { termId } from "../content/ids.ts";
import type { RenderEnv } from "./markdown.ts";

/** A defined term, and where a link to its definition points from the page being rendered. */
export interface TermLink {
  text: string;
  href: string;
}

/**
 * Defined terms (docs/editing.md, “Defined terms”). Every term of a definition list is one: it
 * renders as `<dfn>` with an id from its words, and search weighs it as a heading (Pagefind's
 * data-pagefind-weight), so a search for the term finds its definition first. In each section the
 * first use of a term links to its definition, once: a term is matched as whole words, as
 * written except for the case of its first letter (“Personal data” at the start of a sentence).
 * Headings, links, code, summaries and the list that defines a term are left alone.
 * https://pagefind.app/docs/weighting/
 */
export function useDefinedTerms(md: MarkdownIt): void {
  md.renderer.rules.dl_open = () => '<dl class="terms">\n';
  md.renderer.rules.dt_open = (tokens, idx) =>
    `<dt><dfn id="${termId(termText(tokens[idx + 1]))}" data-pagefind-weight="5">`;
  md.renderer.rules.dt_close = () => "</dfn></dt>\n";
  md.core.ruler.push("defined_terms", linkFirstUses);
}

/** A term's words as written, without markup: the same text the content checks read. */
export function termText(inline: Token): string {
  return (inline.children ?? [])
    .filter((c) => c.type === "text" || c.type === "text_special" || c.type === "code_inline")
    .map((c) => c.content)
    .join("")
    .trim();
}

/** One spelling for matching: the first letter's case and runs of spaces do not count. */
const matchKey = (text: string): string => {
  const spaced = text.replace(/\s+/g, " ");
  return spaced.charAt(0).toLowerCase() + spaced.slice(1);
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern for every term, longest first, so “personal data controller” wins over “personal data”. */
export function termPattern(terms: readonly string[]): RegExp {
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const first = term.charAt(0);
      const rest = term.slice(1).trim().split(/\s+/).map(escapeRegExp).join("\\s+");
      return `[${escapeRegExp(first.toLowerCase())}${escapeRegExp(first.toUpperCase())}]${rest}`;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

function linkFirstUses(state: StateCore): void {
  const terms = (state.env as RenderEnv).terms;
  if (!terms?.length) return;
  const hrefs = new Map(terms.map((t) => [matchKey(t.text), t.href]));
  const pattern = termPattern(terms.map((t) => t.text));
  const linked = new Set<string>();
  let skipped = 0;
  let definedHere = new Set<string>();
  state.tokens.forEach((token, i) => {
    if (/^(heading|dt|summary)_open$/.test(token.type)) skipped++;
    if (/^(heading|dt|summary)_close$/.test(token.type)) skipped--;
    if (token.type === "dl_open") definedHere = termsOfList(state.tokens, i);
    if (token.type === "dl_close") definedHere = new Set();
    if (token.type !== "inline" || skipped > 0 || !token.children) return;
    const skip = (key: string) => linked.has(key) || definedHere.has(key) || !hrefs.has(key);
    token.children = linkInText(
      token.children,
      pattern,
      skip,
      (key) => {
        linked.add(key);
        return hrefs.get(key)!;
      },
      state.Token,
    );
  });
}

function termsOfList(tokens: Token[], open: number): Set<string> {
  const keys = new Set<string>();
  for (let i = open; i < tokens.length && tokens[i].type !== "dl_close"; i++) {
    if (tokens[i].type === "dt_open") keys.add(matchKey(termText(tokens[i + 1])));
  }
  return keys;
}

/** Splits text tokens around each first use, outside links, and wraps the use in a link. */
function linkInText(
  children: Token[],
  pattern: RegExp,
  skip: (key: string) => boolean,
  take: (key: string) => string,
  TokenClass: StateCore["Token"],
): Token[] {
  const result: Token[] = [];
  let inLink = 0;
  for (const child of children) {
    if (child.type === "link_open") inLink++;
    if (child.type === "link_close") inLink--;
    if (child.type !== "text" || inLink > 0) {
      result.push(child);
      continue;
    }
    let rest = child.content;
    for (const match of child.content.matchAll(pattern)) {
      const key = matchKey(match[0]);
      if (skip(key)) continue;
      const start = match.index - (child.content.length - rest.length);
      const text = (content: string) => Object.assign(new TokenClass("text", "", 0), { content });
      const open = new TokenClass("link_open", "a", 1);
      open.attrs = [
        ["class", "term-ref"],
        ["href", take(key)],
      ];
      result.push(text(rest.slice(0, start)), open, text(match[0]), new TokenClass("link_close", "a", -1));
      rest = rest.slice(start + match[0].length);
    }
    result.push(Object.assign(new TokenClass("text", "", 0), { content: rest }));
  }
  return result.filter((t) => t.type !== "text" || t.content !== "");
}
