/**
 * Clause numbers come from order, never from the author: section 3's second clause is "3.b", its
 * first sub-clause "3.b.i". The same number is shown on screen, in the contents, in print and in
 * search results, so a reference written on paper finds its place online and back.
 */

/** 1 → "a", 26 → "z", 27 → "aa": letters for clauses, as many as a section has. */
export function letters(n: number): string {
  let text = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  }
  return text;
}

const ROMAN: Array<[number, string]> = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

/** 1 → "i", 4 → "iv", 14 → "xiv": lower-case Roman numerals for sub-clauses. */
export function roman(n: number): string {
  let text = "";
  let rest = n;
  for (const [value, numeral] of ROMAN) {
    for (; rest >= value; rest -= value) text += numeral;
  }
  return text;
}

/** How each depth below the section is counted: clauses a, b; sub-clauses i, ii; then 1, 2; then A, B. */
const COUNTERS = [letters, roman, String, (n: number) => letters(n).toUpperCase()];

/**
 * The number of every heading of a section, in order, from their levels (the first level present
 * is the clause level, as written on the section page). A level that skips is never seen: the
 * content rules refuse it.
 */
export function clauseNumbers(sectionNumber: number, levels: readonly number[]): string[] {
  if (levels.length === 0) return [];
  const top = Math.min(...levels);
  const counts: number[] = [];
  return levels.map((level) => {
    const depth = level - top;
    counts.length = depth + 1;
    counts[depth] = (counts[depth] ?? 0) + 1;
    for (let i = 0; i < depth; i++) counts[i] ??= 1;
    return [String(sectionNumber), ...counts.map((count, i) => COUNTERS[Math.min(i, COUNTERS.length - 1)](count))].join(
      ".",
    );
  });
}
