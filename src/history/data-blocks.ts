import type { TextBlock } from "./text-blocks.ts";

/** A section or clause of a version's JSON document (src/history/policy-data.ts), as far as its blocks go. */
export interface DataNode {
  id: string;
  heading: string;
  /** Its own blocks, each a paragraph, list item or table cell, separated by "\n\n". */
  text: string;
  clauses: DataNode[];
}

export interface DataSection extends DataNode {
  notes: ReadonlyArray<{ number: number; text: string }>;
}

const blocksOfText = (text: string): string[] => (text === "" ? [] : text.split("\n\n"));

/**
 * A section's blocks read back from its JSON: the blocks bodyBlocks reads from its Markdown
 * (src/history/text-blocks.ts), in the same order: each node's own text, then each clause's
 * heading (one level down per clause: the rules never skip one) and its blocks, then the notes,
 * which markdown-it puts after the text. So the browser compares two versions from their
 * published JSON exactly as the build compares their Markdown (a test holds the two equal).
 */
export function blocksFromData(section: DataSection): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walk = (node: DataNode, level: number): void => {
    for (const text of blocksOfText(node.text)) blocks.push({ kind: "text", text });
    for (const clause of node.clauses) {
      blocks.push({ kind: "heading", id: clause.id, level, text: clause.heading });
      walk(clause, level + 1);
    }
  };
  walk(section, 2);
  for (const note of section.notes) {
    for (const text of blocksOfText(note.text)) blocks.push({ kind: "text", text, note: note.number });
  }
  return blocks;
}
