import markdownIt, { type Token } from "markdown-it";
import attrs from "markdown-it-attrs";

/**
 * The words a section's page shows, block by block, for src/content/lost-text.ts: read with the
 * renderer's own block and inline rules and `{#id}` attributes (src/render/markdown.ts), so
 * what is missing here is missing from the page.
 */
const mirror = markdownIt({ html: false, linkify: false, typographer: false });
mirror.use(attrs, { allowedAttributes: ["id"] });
// Every link is kept, whatever its scheme: the link rules report the bad ones.
mirror.validateLink = () => true;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
export const words = (text: string): string[] => text.match(WORD) ?? [];
/** What Markdown itself consumes at the start of a line: blockquote marks and list markers. */
const LINE_MARKERS = /^(?:\s*>)*\s*(?:(?:[-*+]|\d{1,9}[.)])(?=\s|$))?/;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
export const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:/;
export const normalLabel = (label: string): string => label.trim().replace(/\s+/g, " ").toUpperCase();

/** The words of a source line that should reach the page: markers, entities and reference labels aside. */
export function sourceWords(line: string): string[] {
  return words(
    line
      .replace(LINE_MARKERS, "")
      .replace(ENTITY, " ")
      .replace(/\]\[[^\]]*\]/g, "]"),
  );
}

export interface ShownWords {
  /** Words shown, by the [first, last) source lines of the block they are in. */
  shown: Map<string, string[]>;
  ranges: Array<[number, number]>;
  /** Words that are link targets, titles and ids: typed, never shown as text, never lost. */
  targets: Set<string>;
  /** The labels of the link definitions markdown-it read (`[label]: target`), normalised. */
  references: Set<string>;
}

/** Parses a section body as the renderer does, collecting the words each block shows. */
export function parseShownWords(body: string): ShownWords {
  const env: { references?: Record<string, never> } = {};
  const tokens = mirror.parse(body, env);
  const parsed: ShownWords = {
    shown: new Map(),
    ranges: [],
    targets: new Set(),
    references: new Set(Object.keys(env.references ?? {})),
  };
  const target = (token: Token): void => {
    for (const [name, value] of token.attrs ?? []) {
      for (const w of words(String(value))) parsed.targets.add(w);
      if (name === "href") for (const w of words(mirror.normalizeLinkText(String(value)))) parsed.targets.add(w);
    }
  };
  // A table cell's inline token has no line map of its own: it takes its row's.
  let map: [number, number] | null = null;
  for (const token of tokens) {
    map = (token.map as [number, number] | null) ?? map;
    target(token);
    if (!map || !["inline", "fence", "code_block"].includes(token.type)) continue;
    const key = `${map[0]}-${map[1]}`;
    if (!parsed.shown.has(key)) parsed.ranges.push(map);
    const shown = parsed.shown.get(key) ?? [];
    if (token.type !== "inline") shown.push(...words(`${token.info} ${token.content}`));
    for (const child of token.children ?? []) {
      target(child);
      if (["text", "code_inline", "image"].includes(child.type)) shown.push(...words(child.content));
    }
    parsed.shown.set(key, shown);
  }
  return parsed;
}
