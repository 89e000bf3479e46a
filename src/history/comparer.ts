import { createHash } from "node:crypto";
import { type ComparableSection, compareSection, compareSections, type SectionChange } from "./compare.ts";
import { blockHtml, sectionTitleHtml } from "./diff-html.ts";
import { bodyBlocks, type TextBlock } from "./text-blocks.ts";

/** A section's change, ready for the compare view. */
export interface RenderedChange extends SectionChange {
  titleHtml: string;
  bodyHtml: string;
}

/** Compares versions' sections, remembering each answer. */
export interface Comparer {
  /** Every section of two versions compared, in the newer one's order, then the ones it dropped. */
  compare(before: ComparableSection[], after: ComparableSection[]): RenderedChange[];
}

/**
 * A comparer for one build. Comparing every pair of versions compares the same section texts
 * again and again (a section changed in 3 of 50 versions has 4 texts, so at most 16 pairs of them
 * among 1,225 pairs of versions), so each text is read once and each pair of texts is compared and
 * rendered once, keyed by a hash of the text. The answers are shared, read-only values; the
 * comparer is made by the history stage and dropped with it, never kept between builds.
 */
export function createComparer(): Comparer {
  const keys = new WeakMap<ComparableSection, string>();
  const blocks = new Map<string, TextBlock[]>();
  const changes = new Map<string, RenderedChange>();
  const keyOf = (section: ComparableSection): string => {
    let key = keys.get(section);
    if (key === undefined) {
      key = createHash("sha256").update(`${section.id}\0${section.title}\0${section.body}`).digest("base64");
      keys.set(section, key);
    }
    return key;
  };
  const blocksOf = (section: ComparableSection): TextBlock[] => {
    const key = keyOf(section);
    let read = blocks.get(key);
    if (read === undefined) {
      read = bodyBlocks(section.body);
      blocks.set(key, read);
    }
    return read;
  };
  const compareOne = (before: ComparableSection | undefined, after: ComparableSection | undefined): RenderedChange => {
    const key = `${before ? keyOf(before) : ""}>${after ? keyOf(after) : ""}`;
    let change = changes.get(key);
    if (change === undefined) {
      change = rendered(compareSection(before, after, blocksOf));
      changes.set(key, change);
    }
    return change;
  };
  return { compare: (before, after) => compareSections(before, after, compareOne) };
}

/** The compare view's markup of a section's change: its heading, then its blocks. */
export function rendered(change: SectionChange): RenderedChange {
  return {
    ...change,
    titleHtml: sectionTitleHtml(change),
    bodyHtml: change.blocks.map((block) => blockHtml(block)).join("\n"),
  };
}
