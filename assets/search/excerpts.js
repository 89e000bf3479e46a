// Excerpts that quote only the policy: a clause's own text, never its heading, never the hidden
// reader words, with the words searched for marked.

/** Opens and closes reader words in Pagefind's text of a page (src/render/reader-words.ts). */
export const READER_WORDS_MARK = "⁂";

/**
 * A page's words as Pagefind counts them: its text split at whitespace, so a result's position n is word n.
 * @param {string} content
 * @returns {string[]}
 */
export const pageWords = (content) => content.split(/\s+/);

/** Which positions hold reader words: from one mark to the next, the marks included. */
export function hiddenPositions(words) {
  const hidden = new Uint8Array(words.length);
  let inside = false;
  words.forEach((word, i) => {
    const mark = word === READER_WORDS_MARK;
    hidden[i] = inside || mark ? 1 : 0;
    if (mark) inside = !inside;
  });
  return hidden;
}

const SENTENCE_END = /[.!?;:]["”’)]*$/;

/** Where the sentence holding visible word `at` starts, if within eight words back; else a few words back. */
function sentenceStart(words, visible, at) {
  for (let i = at; i > 0 && at - i < 8; i--) if (SENTENCE_END.test(words[visible[i - 1]])) return i;
  return at < 8 ? 0 : at - 4;
}

/**
 * Where an excerpt of `length` words over `visible` (positions in reading order) starts: at the
 * window holding most marked words, moved back to where its sentence starts, and never so late
 * that the excerpt comes out short.
 */
export function excerptStart(words, visible, marked, length) {
  const hits = visible.flatMap((position, i) => (marked.has(position) ? [i] : []));
  let best = hits[0] ?? 0;
  let bestCount = 0;
  for (const first of hits) {
    const count = hits.filter((i) => i >= first && i < first + length).length;
    if (count > bestCount) [best, bestCount] = [first, count];
  }
  return Math.max(0, Math.min(sentenceStart(words, visible, best), visible.length - length));
}

/** A word split around its letters, so a mark covers "cookies" in "“cookies,”" and not the quotes. */
function splitWord(word) {
  const [, before, core, after] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word);
  return [before, core, after];
}

/**
 * An excerpt of the words from `from` to `to` (exclusive) as runs of plain and marked text, or
 * null when there is nothing to quote. Hidden positions are skipped; `marked` holds the
 * positions to mark; "…" shows where the text goes on.
 */
export function excerptParts(words, from, to, { hidden, marked, length = 30 }) {
  const visible = [];
  for (let position = from; position < to; position++) if (!hidden[position]) visible.push(position);
  if (visible.length === 0) return null;
  const start = excerptStart(words, visible, marked, length);
  const shown = visible.slice(start, start + length);
  const parts = [];
  const add = (text, isMarked) => {
    const last = parts.at(-1);
    if (last && !last.marked && !isMarked) last.text += text;
    else if (text) parts.push({ text, marked: isMarked });
  };
  if (start > 0) add("… ", false);
  shown.forEach((position, i) => {
    if (i > 0) add(" ", false);
    const [before, core, after] = marked.has(position) ? splitWord(words[position]) : [words[position], "", ""];
    add(before, false);
    add(core, true);
    add(after, false);
  });
  if (start + length < visible.length) add(" …", false);
  return parts;
}
