// The search page wired up: the field, the versions box, the live region, the results, the
// no-results help. Everything it decides comes from the pure modules beside it.

import {
  addressFor,
  arrowTarget,
  highlightWords,
  latestOnly,
  loadViews,
  PAGE_SIZE,
  pagefindOptions,
  suggestions,
  termWeights,
} from "./controls.js";
import { noteText, summaryText } from "./describe.js";
import { runQuery } from "./query.js";
import { resultItem, suggestionsElement, summaryElements } from "./render.js";

/** Pagefind and the vocabulary, asked for as soon as the page starts so the first query waits less. */
function loadSearch(prefix) {
  const pagefind = import(`${prefix}pagefind/pagefind.js`).then(async (api) => {
    await api.options(pagefindOptions(prefix));
    api.init();
    return api;
  });
  // Without it the search still runs, with every word kept and no spelling help.
  const vocabulary = fetch(`${prefix}pagefind/vocabulary.json`)
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return { pagefind, vocabulary };
}

/** Pagefind's filters for the versions chosen: the current one, unless the reader ticked "include earlier versions". */
const versionFilter = (currentOnly) => (currentOnly ? { version: "current" } : {});

/** Pagefind's search within the versions chosen, or in every version when asked. */
function engineFor(api, currentOnly) {
  return {
    limited: currentOnly,
    search: async (query, everywhere = false) =>
      (await api.search(query, { filters: versionFilter(currentOnly && !everywhere) })).results,
  };
}

/** Searches, loading the first page of results; null for a query overtaken by a later one. */
function searcher(loaded, ui) {
  return latestOnly(async (query) => {
    const everyVersion = !ui.versions || ui.versions.checked;
    if (!query) return { query, everyVersion, hits: [], views: [] };
    const [api, vocabulary] = await Promise.all([loaded.pagefind, loaded.vocabulary]);
    const outcome = await runQuery(query, engineFor(api, !everyVersion), vocabulary);
    const weights = termWeights(outcome.terms, vocabulary.pages);
    const views = await loadViews(outcome.hits.slice(0, PAGE_SIZE), weights);
    return { query, everyVersion, outcome, vocabulary, weights, hits: outcome.hits, views };
  });
}

/** The live region: said once per settled query, since the same words set again would be read out again. */
function announce(ui, settled) {
  const count = settled.query ? summaryText(settled.hits.length, settled.query) : "";
  const note = settled.outcome ? noteText(settled.outcome, { everywhere: settled.everyVersion }) : "";
  if (ui.summary.textContent === `${count}${note}`) return;
  ui.summary.replaceChildren(...(count ? summaryElements(count, note) : []));
}

/** The results of a settled query, what happened to its words, and its address in the location bar. */
function render(ui, settled) {
  ui.current = settled;
  const highlight = settled.outcome ? highlightWords(settled.outcome) : [];
  ui.list.replaceChildren(...settled.views.map((view) => resultItem(view, highlight)));
  if (settled.hits.length > settled.views.length) ui.list.after(ui.more);
  else ui.more.remove();
  announce(ui, settled);
  const nothing = Boolean(settled.query) && settled.hits.length === 0;
  if (nothing) {
    const words = suggestions(settled.outcome, settled.vocabulary);
    const href = (word) => addressFor(location.href, word, Boolean(ui.versions?.checked));
    const replacement = suggestionsElement(words, href);
    ui.suggestions.replaceWith(replacement);
    ui.suggestions = replacement;
  }
  ui.nothing.hidden = !nothing;
  history.replaceState(history.state, "", addressFor(location.href, settled.query, ui.versions?.checked));
}

/** "Show more results": the next page, unless another query has been shown meanwhile. */
async function showMore(ui) {
  const { current, list } = ui;
  const from = list.children.length;
  const views = await loadViews(current.hits.slice(from, from + PAGE_SIZE), current.weights);
  if (current !== ui.current || list.children.length !== from) return;
  const added = views.map((view) => resultItem(view, highlightWords(current.outcome)));
  list.append(...added);
  if (list.children.length >= current.hits.length) ui.more.remove();
  added[0]?.querySelector("a").focus();
}

/** ArrowDown from the field into the results, ArrowDown and ArrowUp through them, ArrowUp from the first back to the field. */
function arrowKeys(ui) {
  return (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const targets = [...ui.results.querySelectorAll("a, button")].filter((el) => !el.closest("[hidden]"));
    const index = event.target === ui.field ? -1 : targets.indexOf(event.target);
    const next = event.target === ui.field || index >= 0 ? arrowTarget(event.key, index, targets.length) : null;
    if (next === null) return;
    event.preventDefault();
    (next < 0 ? ui.field : targets[next]).focus();
  };
}

function findElements(page) {
  const find = (name) => page.querySelector(`[data-search-${name}]`);
  const more = Object.assign(document.createElement("button"), { type: "button", className: "search-results__more" });
  more.textContent = "Show more results";
  return {
    form: find("form"),
    field: page.querySelector("#search-input"),
    versions: find("versions"),
    results: find("results"),
    summary: find("summary"),
    list: find("list"),
    nothing: find("nothing"),
    suggestions: find("suggestions"),
    more,
    current: null,
  };
}

export function start(page) {
  const ui = findElements(page);
  page.querySelector("[data-search-unavailable]").hidden = true;
  page.querySelector("[data-search-hint]").classList.remove("search-form__hint--waiting");
  ui.results.hidden = false;

  const loaded = loadSearch(document.documentElement.dataset.pathPrefix || "/");
  const find = searcher(loaded, ui);
  const failed = () =>
    ui.summary.replaceChildren(...summaryElements("Search could not load. Reload the page to try again."));
  const run = () => find(ui.field.value.trim()).then((settled) => settled && render(ui, settled), failed);
  let typing;
  ui.field.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(run, 250);
    // Meanwhile Pagefind fetches the index chunks these words need. https://pagefind.app/docs/api/#preloading-search-terms
    const words = ui.field.value.trim();
    const filters = versionFilter(Boolean(ui.versions) && !ui.versions.checked);
    if (words) loaded.pagefind.then((api) => api.preload(words, { filters })).catch(() => {});
  });
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    run();
  });
  ui.versions?.addEventListener("change", run);
  ui.more.addEventListener("click", () => showMore(ui));
  page.addEventListener("keydown", arrowKeys(ui));

  const params = new URLSearchParams(location.search);
  ui.field.value = params.get("q") ?? "";
  if (ui.versions) ui.versions.checked = params.get("versions") === "all";
  if (ui.field.value.trim()) run();
}
