// The nearest words the policy uses, for a word it does not: a typo, another spelling.

/**
 * Edit distance with adjacent transpositions counted as one edit ("recieve" → "receive" is 1),
 * the optimal string alignment variant of Damerau–Levenshtein. Gives up and returns `max + 1` as
 * soon as the distance must exceed `max`.
 */
export function editDistance(a, b, max = Number.POSITIVE_INFINITY) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], before[j - 2] + 1);
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length];
}

/**
 * How many edits a word may be from the word searched instead: none for words under five letters
 * (too many short words lie one edit apart: "stop" and "shop", "come" and "code"), one up to eight
 * letters, two from nine.
 */
export function correctionDistance(word) {
  if (word.length < 5) return 0;
  return word.length < 9 ? 1 : 2;
}

/**
 * The vocabulary's words within `maxDistance` edits of `word`: nearest first, then those more
 * pages use, then in alphabetical order. Never the word itself.
 * @param {string} word
 * @param {Readonly<Record<string, number>>} vocabulary word → pages that use it
 */
export function nearestWords(word, vocabulary, maxDistance, limit = 3) {
  if (maxDistance < 1) return [];
  const found = [];
  for (const [candidate, pages] of Object.entries(vocabulary)) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate, maxDistance);
    if (distance <= maxDistance) found.push({ candidate, distance, pages });
  }
  found.sort((a, b) => a.distance - b.distance || b.pages - a.pages || (a.candidate < b.candidate ? -1 : 1));
  return found.slice(0, limit).map((entry) => entry.candidate);
}
