import type { BlockDiff, SectionChange, WordPart } from "./compare.ts";

/** A section's change, ready for the compare view. */
export interface RenderedChange extends SectionChange {
  titleHtml: string;
  bodyHtml: string;
}

/**
 * Words for what colour and strike-through show: read out by screen readers (visually hidden on
 * screen, where the marks and a legend carry the meaning) and printed on paper, where colour may be lost.
 */
export const DIFF_CUES = {
  added: { start: "[added: ", end: "]" },
  removed: { start: "[removed: ", end: "]" },
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const cue = (text: string): string => `<span class="diff-cue">${escapeHtml(text)}</span>`;

/** One run of words: unchanged as text, a change as <ins> or <del> with its cues. Spaces around a change stay outside it. */
export function partHtml(part: WordPart): string {
  if (part.change === "same") return escapeHtml(part.text);
  const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text)!;
  if (words === "") return escapeHtml(part.text);
  const tag = part.change === "added" ? "ins" : "del";
  const { start, end } = DIFF_CUES[part.change];
  return `${escapeHtml(before)}<${tag}>${cue(start)}${escapeHtml(words)}${cue(end)}</${tag}>${escapeHtml(after)}`;
}

/**
 * A block of the compare view. Headings keep their rank below the section title (clauses are h3),
 * so the compare view has the same outline as the policy; only the section title takes an id.
 */
export function blockHtml(block: BlockDiff, id?: string): string {
  const tag = block.kind === "heading" ? `h${Math.min(6, (block.level ?? 1) + 1)}` : "p";
  const idAttr = id ? ` id="${escapeHtml(id)}"` : "";
  return `<${tag}${idAttr} class="diff-block diff-block--${block.change}">${block.parts.map(partHtml).join("")}</${tag}>`;
}

/** The section's heading in the compare view: its title's diff when it was reworded, else the title as it reads. */
export function sectionTitleHtml(change: { id: string; title: string; change: string; titleDiff: BlockDiff }): string {
  if (change.titleDiff.change === "changed") return blockHtml(change.titleDiff, change.id);
  return `<h2 id="${escapeHtml(change.id)}" class="diff-block">${escapeHtml(change.title)}</h2>`;
}

/** The compare view's markup of a section's change: its heading, then its blocks. */
export function rendered(change: SectionChange): RenderedChange {
  return {
    ...change,
    titleHtml: sectionTitleHtml(change),
    bodyHtml: change.blocks.map((block) => blockHtml(block)).join("\n"),
  };
}
