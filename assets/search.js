// The search page: our own small results list on Pagefind's JavaScript API, in place of its
// Component UI (five times the code for what this page needs; docs/performance.md). Searches as
// the reader types, on submit and from ?q=. Only this page loads search code.
// https://pagefind.app/docs/api/

const PAGE_SIZE = 10;

/** Pagefind's options in the browser. https://pagefind.app/docs/search-config/ */
export function pagefindOptions(prefix) {
  return {
    baseUrl: prefix,
    excerptLength: 24,
    // Result links carry ?highlight=word, which site.js reads to mark the words on the page opened.
    highlightParam: "highlight",
    // Tuned for a short legal text: a long section that mentions a word once should not beat
    // a short one about it. https://pagefind.app/docs/ranking/
    ranking: { pageLength: 0.5, termFrequency: 1.0, termSaturation: 1.2 },
  };
}

const COUNT = new Intl.NumberFormat("en");

/** What the live region says once a query has settled ("4,286 results for cookies"). */
export function summaryText(count, query) {
  if (count === 0) return `No results for ${query}`;
  return `${COUNT.format(count)} ${count === 1 ? "result" : "results"} for ${query}`;
}

/** Where a section's search terms begin in Pagefind's text (pages/section.njk). */
export const TERMS_MARKER = "⁂";

/**
 * An excerpt as runs of text, marked or not, up to the section's search terms: excerpts quote
 * only the policy. Pagefind escapes "<" and ">" of the page text and wraps each hit in <mark>, so
 * the excerpt is read without innerHTML.
 */
export function excerptParts(excerpt) {
  return excerpt
    .split(TERMS_MARKER)[0]
    .trimEnd()
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((piece) => {
      const marked = piece.startsWith("<mark>");
      return { text: (marked ? piece.slice(6, -7) : piece).replace(/&lt;/g, "<").replace(/&gt;/g, ">"), marked };
    });
}

/**
 * The clauses to list under a section: sub-results with a heading (the first one Pagefind gives
 * is the page itself, without an anchor) whose own text has a hit (not only the search terms
 * after the last clause), at most `max`, those with most hits, in page order.
 * https://pagefind.app/docs/sub-results/
 * @template {{ anchor?: unknown, excerpt: string, locations: number[] }} T
 * @param {T[]} subResults
 * @returns {T[]}
 */
export function clauseResults(subResults, max = 5) {
  const clauses = subResults.filter((sub) => sub.anchor && excerptParts(sub.excerpt).some((part) => part.marked));
  const kept = new Set([...clauses].sort((a, b) => b.locations.length - a.locations.length).slice(0, max));
  return clauses.filter((sub) => kept.has(sub));
}

/** Wraps an async function so that a call overtaken by a later one settles as null, whatever order they finish in. */
export function latestOnly(run) {
  let latest = 0;
  return async (...args) => {
    const call = ++latest;
    try {
      const value = await run(...args);
      return call === latest ? value : null;
    } catch (error) {
      if (call === latest) throw error;
      return null;
    }
  };
}

/** Where an arrow key moves focus among the field (-1) and the results (0 to count - 1); null: leave the key alone. */
export function arrowTarget(key, index, count) {
  if (count === 0) return null;
  if (key === "ArrowDown") return Math.min(index + 1, count - 1);
  if (key === "ArrowUp" && index >= 0) return index - 1;
  return null;
}

/** The page's address for a query, to share or come back to; an empty query drops ?q=. */
export function addressFor(href, query) {
  const url = new URL(href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  return url.href;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function link(href, text) {
  return Object.assign(element("a", "", text), { href });
}

function excerpt(html) {
  const p = element("p", "search-result__excerpt");
  for (const { text, marked } of excerptParts(html)) p.append(marked ? element("mark", "", text) : text);
  return p;
}

function resultItem(result) {
  const item = element("li", "search-result");
  const title = element("h2", "search-result__title");
  title.append(link(result.url, result.meta.title));
  item.append(title, excerpt(result.excerpt));
  const clauses = clauseResults(result.sub_results ?? []);
  if (clauses.length > 0) {
    const list = element("ul", "search-result__clauses");
    list.setAttribute("aria-label", `Clauses in ${result.meta.title}`);
    for (const clause of clauses) {
      const li = element("li", "search-result__clause");
      li.append(link(clause.url, clause.title), excerpt(clause.excerpt));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

/** Searches through Pagefind, loading the first page of results; null for a query overtaken by a later one. */
function searcher(prefix) {
  const pagefind = import(`${prefix}pagefind/pagefind.js`).then(async (api) => {
    await api.options(pagefindOptions(prefix));
    api.init();
    return api;
  });
  return latestOnly(async (query, debounced) => {
    if (!query) return { query, found: [], shown: [] };
    const api = await pagefind;
    const search = debounced ? await api.debouncedSearch(query) : await api.search(query);
    return search && { query, found: search.results, shown: await loadPage(search.results, 0) };
  });
}

const loadPage = (found, from) => Promise.all(found.slice(from, from + PAGE_SIZE).map((result) => result.data()));

/** The results of a settled query, its count in the live region, and its address in the location bar. */
function render(ui, outcome) {
  ui.current = outcome;
  ui.list.replaceChildren(...outcome.shown.map(resultItem));
  if (outcome.found.length > outcome.shown.length) ui.list.after(ui.more);
  else ui.more.remove();
  const text = outcome.query ? summaryText(outcome.found.length, outcome.query) : "";
  // Once per settled query: the same words set again would be read out again.
  if (ui.summary.textContent !== text) ui.summary.textContent = text;
  history.replaceState(history.state, "", addressFor(location.href, outcome.query));
}

/** "Show more results": the next page, unless another query has been shown meanwhile. */
async function showMore(ui) {
  const { current, list } = ui;
  const from = list.children.length;
  const added = (await loadPage(current.found, from)).map(resultItem);
  if (current !== ui.current || list.children.length !== from) return;
  list.append(...added);
  if (list.children.length >= current.found.length) ui.more.remove();
  added[0]?.querySelector("a").focus();
}

/** ArrowDown from the field into the results, ArrowDown and ArrowUp through them, ArrowUp from the first back to the field. */
function arrowKeys(ui) {
  return (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const targets = [...ui.results.querySelectorAll("a, button")];
    const index = event.target === ui.field ? -1 : targets.indexOf(event.target);
    const next = event.target === ui.field || index >= 0 ? arrowTarget(event.key, index, targets.length) : null;
    if (next === null) return;
    event.preventDefault();
    (next < 0 ? ui.field : targets[next]).focus();
  };
}

function start(page) {
  const prefix = document.documentElement.dataset.pathPrefix || "/";
  const [form, field, results, summary, list] = [
    "form",
    "#search-input",
    "[data-search-results]",
    "[data-search-summary]",
    "[data-search-list]",
  ].map((s) => page.querySelector(s));
  const more = element("button", "search-results__more", "Show more results");
  more.type = "button";
  const ui = { field, results, summary, list, more, current: null };
  page.querySelector("[data-search-unavailable]").hidden = true;
  page.querySelector("[data-search-hint]").hidden = false;
  results.hidden = false;

  const find = searcher(prefix);
  const failed = () => (summary.textContent = "Search could not load. Reload the page to try again.");
  const run = (debounced) =>
    find(field.value.trim(), debounced).then((outcome) => outcome && render(ui, outcome), failed);
  field.addEventListener("input", () => run(true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(false);
  });
  more.addEventListener("click", () => showMore(ui));
  page.addEventListener("keydown", arrowKeys(ui));

  field.value = new URLSearchParams(location.search).get("q") ?? "";
  if (field.value.trim()) run(false);
}

const page = globalThis.document?.querySelector("[data-search-page]");
if (page) start(page);
