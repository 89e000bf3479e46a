import { createHash } from "node:crypto";

/**
 * A section's text as the version lock sees it: its title, then each sentence of its Markdown,
 * with line endings, trailing spaces, line wrapping and blank lines normalised away, so only a
 * change to what was typed counts. Each sentence keeps the file line it starts on, so a change
 * can be pointed at.
 */
export interface Sentence {
  text: string;
  line: number;
}

export interface SectionText {
  title: string;
  titleLine?: number;
  body: string;
  bodyLine: number;
}

/** A line that starts a new block even without a blank line before it: a heading, list item, quote, table row or fence. */
const BLOCK_START = /^\s*(#{1,6}(\s|$)|>|[-*+](\s|$)|\d{1,9}[.)](\s|$)|\||```|~~~)/;
/** A word that ends a sentence: a full stop, question or exclamation mark, then any closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’)\]*_]*$/;

export function sentencesOf(section: SectionText): Sentence[] {
  const sentences: Sentence[] = [
    { text: `title: ${section.title.trim().split(/\s+/).join(" ")}`, line: section.titleLine ?? 1 },
  ];
  let words: string[] = [];
  let start = 0;
  const end = (): void => {
    if (words.length > 0) sentences.push({ text: words.join(" "), line: start });
    words = [];
  };
  section.body.split("\n").forEach((text, i) => {
    const line = section.bodyLine + i;
    if (text.trim() === "" || BLOCK_START.test(text)) end();
    for (const word of text.trim().split(/\s+/).filter(Boolean)) {
      if (words.length === 0) start = line;
      words.push(word);
      if (SENTENCE_END.test(word)) end();
    }
    if (/^\s*#{1,6}(\s|$)/.test(text)) end();
  });
  end();
  return sentences;
}

/** A short hash of one sentence: enough to tell which sentence changed. */
export const sentenceHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 12);

/** What the lock records of a section's text: one fingerprint for all of it, and one short hash per sentence. */
export interface TextPrint {
  fingerprint: string;
  sentences: string[];
}

export function printOf(sentences: Sentence[]): TextPrint {
  return {
    fingerprint: `sha256:${createHash("sha256")
      .update(sentences.map((s) => s.text).join("\n"))
      .digest("hex")}`,
    sentences: sentences.map((s) => sentenceHash(s.text)),
  };
}

/** Where a section's text first differs from what was recorded. */
export type TextChange =
  | { kind: "changed"; sentence: Sentence; count: number }
  | { kind: "removed"; line: number; count: number };

/**
 * The first difference between the sentences now and the recorded hashes: the longest common
 * start and end are the same text, and what lies between changed. `count` is how many sentences
 * differ, on the longer side.
 */
export function firstChange(current: Sentence[], recorded: string[]): TextChange | undefined {
  const now = current.map((s) => sentenceHash(s.text));
  let head = 0;
  while (head < now.length && head < recorded.length && now[head] === recorded[head]) head++;
  let tail = 0;
  while (
    tail < now.length - head &&
    tail < recorded.length - head &&
    now[now.length - 1 - tail] === recorded[recorded.length - 1 - tail]
  )
    tail++;
  const changedNow = now.length - head - tail;
  const changedThen = recorded.length - head - tail;
  if (changedNow === 0 && changedThen === 0) return undefined;
  const count = Math.max(changedNow, changedThen);
  if (changedNow > 0) return { kind: "changed", sentence: current[head], count };
  const after = current[Math.min(head, current.length - 1)];
  return { kind: "removed", line: after.line, count };
}
