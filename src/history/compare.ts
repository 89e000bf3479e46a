import { diffArrays, diffWords } from "diff";
import type { TextBlock } from "./text-blocks.ts";

/*
 * Pure and free of Node and markdown-it, so the browser compares two versions with the same code
 * as the build (assets/compare-view.js): the caller says how a section's blocks are read.
 */

/** A run of words in a word-level diff. */
export interface WordPart {
  change: "same" | "added" | "removed";
  text: string;
}

/** One block of a compared section, with its words marked. */
export interface BlockDiff {
  kind: TextBlock["kind"];
  level?: number;
  change: "same" | "added" | "removed" | "changed";
  parts: WordPart[];
}

export type SectionChangeKind = "added" | "removed" | "changed" | "unchanged";

/** What happened to one section between two versions. */
export interface SectionChange {
  id: string;
  /** The newer title, or the last one for a removed section. */
  title: string;
  change: SectionChangeKind;
  titleDiff: BlockDiff;
  blocks: BlockDiff[];
}

/** The section fields a comparison reads. */
export interface ComparableSection {
  id: string;
  title: string;
  body: string;
}

/** Word-level diff of two texts (jsdiff's diffWords: words and punctuation are the units). */
export function diffText(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((part) => ({
    change: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

const whole = (block: TextBlock, change: "same" | "added" | "removed"): BlockDiff => ({
  kind: block.kind,
  level: block.level,
  change,
  parts: [{ change, text: block.text }],
});

function changed(before: TextBlock, after: TextBlock): BlockDiff {
  if (before.text === after.text) return whole(after, "same");
  return { kind: after.kind, level: after.level, change: "changed", parts: diffText(before.text, after.text) };
}

/** Share of the characters two texts have in common: 1 for equal texts, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const common = diffText(a, b)
    .filter((p) => p.change === "same")
    .reduce((n, p) => n + p.text.trim().length, 0);
  return common / Math.max(a.trim().length, b.trim().length, 1);
}

/**
 * Pairs removed and added text blocks that are rewordings of each other (in order, at least half
 * alike), so a reworded paragraph shows its changed words instead of a whole paragraph out and in.
 */
function pairRewordings(removed: TextBlock[], added: TextBlock[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let r = 0;
  let a = 0;
  for (const [ri, old] of removed.entries()) {
    if (old.kind !== "text") continue;
    const candidates = added.map((block, ai) => ({
      ai,
      score: ai >= a && block.kind === "text" ? similarity(old.text, block.text) : 0,
    }));
    const best = candidates.reduce((x, y) => (y.score > x.score ? y : x), { ai: -1, score: 0.5 });
    if (best.ai < 0) continue;
    out.push(
      ...removed.slice(r, ri).map((b) => whole(b, "removed")),
      ...added.slice(a, best.ai).map((b) => whole(b, "added")),
    );
    out.push(changed(old, added[best.ai]));
    r = ri + 1;
    a = best.ai + 1;
  }
  return [...out, ...removed.slice(r).map((b) => whole(b, "removed")), ...added.slice(a).map((b) => whole(b, "added"))];
}

/** Headings match by id (so a reworded clause heading is one heading, changed); text blocks by their text. */
const sameBlock = (x: TextBlock, y: TextBlock): boolean =>
  x.kind === y.kind && (x.kind === "heading" ? x.id === y.id : x.text === y.text);

/** Block-by-block diff of two sections' bodies, each block diffed word by word. */
export function diffBlocks(before: TextBlock[], after: TextBlock[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let oi = 0;
  let ni = 0;
  let removed: TextBlock[] = [];
  for (const run of diffArrays(before, after, { comparator: sameBlock })) {
    if (run.removed) {
      removed = before.slice(oi, oi + (run.count ?? 0));
      oi += run.count ?? 0;
      continue;
    }
    const count = run.count ?? 0;
    if (run.added) {
      out.push(...pairRewordings(removed, after.slice(ni, ni + count)));
      ni += count;
    } else {
      out.push(...pairRewordings(removed, []));
      for (let k = 0; k < count; k++) out.push(changed(before[oi++], after[ni++]));
    }
    removed = [];
  }
  return [...out, ...pairRewordings(removed, [])];
}

/**
 * A section's blocks as compared: its body read as readers read it (src/history/text-blocks.ts
 * in the build, src/history/data-blocks.ts from a version's JSON in the browser).
 */
export type BlocksOf = (section: ComparableSection) => TextBlock[];

/** What happened to one section from one version to another; either side may be missing. */
export function compareSection(
  before: ComparableSection | undefined,
  after: ComparableSection | undefined,
  blocksOf: BlocksOf,
): SectionChange {
  const section = (after ?? before)!;
  const title = (s: ComparableSection | undefined): TextBlock[] =>
    s ? [{ kind: "heading", id: section.id, level: 1, text: s.title.trim() }] : [];
  const [titleDiff] = diffBlocks(title(before), title(after));
  const blocks = diffBlocks(before ? blocksOf(before) : [], after ? blocksOf(after) : []);
  const same = titleDiff.change === "same" && blocks.every((b) => b.change === "same");
  const change: SectionChangeKind = !before ? "added" : !after ? "removed" : same ? "unchanged" : "changed";
  return { id: section.id, title: section.title, change, titleDiff, blocks };
}

/**
 * What changed from one version's sections to the next, matched by section id: the newer
 * version's sections in order, then those it no longer has. `compareOne` compares a pair of
 * sections (a caller comparing many versions passes one that remembers its answers).
 */
export function compareSections<C extends SectionChange>(
  before: ComparableSection[],
  after: ComparableSection[],
  compareOne: (before: ComparableSection | undefined, after: ComparableSection | undefined) => C,
): C[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const kept = new Set(after.map((s) => s.id));
  return [
    ...after.map((s) => compareOne(old.get(s.id), s)),
    ...before.filter((s) => !kept.has(s.id)).map((s) => compareOne(s, undefined)),
  ];
}
