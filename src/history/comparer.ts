import { createHash } from "node:crypto";
import { type ComparableSection, compareSection, compareSections } from "./compare.ts";
import type { Comparer } from "./comparisons.ts";
import { type RenderedChange, rendered } from "./diff-html.ts";
import { bodyBlocks, type TextBlock } from "./text-blocks.ts";

export type { Comparer } from "./comparisons.ts";
export type { RenderedChange } from "./diff-html.ts";

/**
 * A comparer for one build. Comparing many pairs of versions compares the same section texts
 * again and again (a section changed in 3 of 50 versions has 4 texts, so at most 16 pairs of them
 * among the pairs of versions), so each text is read once and each pair of texts is compared and
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
