// The search page's results as elements. Text goes in as text, never as markup.

// Dates as the rest of the site writes them: the build's own function, bundled in.
import { readableDate } from "../../src/lib/dates.ts";

export { readableDate };

/**
 * A result's address: the page, the words to mark there (site.js marks them, then takes them out
 * of the address bar) and the clause to land on.
 */
export function resultHref(url, highlight, anchor = "") {
  const target = new URL(url, "https://site.invalid");
  for (const words of highlight) target.searchParams.append("highlight", words);
  target.hash = anchor;
  return `${target.pathname}${target.search}${target.hash}`;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function link(href, text, className = "") {
  return Object.assign(element("a", className, text), { href });
}

/** A link with the number the contents gives its section or clause in front, styled as there ("3.c Business Transfers"). */
function numberedLink(href, number, title) {
  const a = link(href, "");
  if (number) a.append(element("span", "clause-number", number), " ");
  a.append(title);
  return a;
}

function excerptElement(parts) {
  const p = element("p", "search-result__excerpt");
  for (const { text, marked } of parts) p.append(marked ? element("mark", "", text) : text);
  return p;
}

/**
 * One result: the section (or, from an earlier version, that version) as a heading, its own
 * excerpt when it has one, and its best clauses, each with the number to cite it by.
 */
export function resultItem(view, highlight) {
  const item = element("li", "search-result");
  const title = element("h2", "search-result__title");
  const archived = view.version !== "current";
  const name = archived ? `The policy as it read from ${readableDate(view.version)}` : view.title;
  title.append(numberedLink(resultHref(view.url, highlight), archived ? "" : view.number, name));
  item.append(title);
  if (archived) item.append(element("p", "search-result__version", "An earlier version, no longer in force"));
  if (view.excerpt) item.append(excerptElement(view.excerpt));
  if (view.clauses.length > 0) {
    const list = element("ul", "search-result__clauses");
    list.setAttribute("aria-label", `Clauses in ${name}`);
    for (const clause of view.clauses) {
      const li = element("li", "search-result__clause");
      li.append(numberedLink(resultHref(view.url, highlight, clause.id), clause.number, clause.title));
      if (clause.excerpt) li.append(excerptElement(clause.excerpt));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

/** The nearest words the policy uses, each a link that searches for it. */
export function suggestionsElement(words, searchHref) {
  const p = element("p", "search-nothing__suggestions");
  if (words.length === 0) return p;
  p.append("Words the policy uses that are close: ");
  words.forEach((word, i) => {
    if (i > 0) p.append(", ");
    p.append(link(searchHref(word), word));
  });
  p.append(".");
  return p;
}

/** The live region's lines: the count, then what was done with the words. */
export function summaryElements(count, note) {
  const lines = [element("p", "search-results__count", count)];
  if (note) lines.push(element("p", "search-results__note", note));
  lines[0].dataset.searchCount = "";
  return lines;
}
