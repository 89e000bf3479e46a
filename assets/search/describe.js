// What the search page says about a query, in plain words: how many results, and what it did
// with the reader's words to find them.

const COUNT = new Intl.NumberFormat("en");

/** What the live region says first once a query has settled ("4,286 results for cookies"). */
export function summaryText(count, query) {
  if (count === 0) return `No results for ${query}`;
  return `${COUNT.format(count)} ${count === 1 ? "result" : "results"} for ${query}`;
}

const quoted = (term) => (term.phrase ? `“${term.text}”` : term.text);
const list = (items) => items.join(", ");

/**
 * What happened to the reader's words, one clause each, or "" when the query was searched as
 * typed: the words searched for (when some were left out or replaced), the words the policy does
 * not use (or uses only in earlier versions), each spelling read as another word, and whether the
 * results hold every word or only most of them.
 * @param {{ stopped: string[], terms: Array<{ text: string, phrase: boolean, typed?: string }>,
 *   dropped: Array<{ text: string, phrase: boolean, elsewhere: boolean }>, mode: string }} outcome
 */
export function noteText(outcome, { everywhere = false } = {}) {
  const { stopped, terms, dropped, mode } = outcome;
  const said = [];
  const changed = stopped.length > 0 || dropped.length > 0 || terms.some((term) => term.typed);
  if (changed && terms.length > 0) said.push(`Searched for: ${list(terms.map(quoted))}`);
  const absent = dropped.filter((term) => !term.elsewhere);
  const earlier = dropped.filter((term) => term.elsewhere);
  const policy = everywhere ? "the policy" : "the current policy";
  if (absent.length) said.push(`Not in ${policy}: ${list(absent.map(quoted))}`);
  if (earlier.length) said.push(`Only in earlier versions: ${list(earlier.map(quoted))}`);
  for (const term of terms.filter((t) => t.typed)) said.push(`“${term.typed}” read as “${term.text}”`);
  if (mode === "most") said.push("No section has all of these words: those with the most come first");
  return said.length ? `${said.join(" · ")}.` : "";
}
