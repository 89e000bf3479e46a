// Any two versions compared in the browser, for the pairs the site does not build ahead (it builds
// each version with the one before it, the one in force and the newest: src/history/comparisons.ts).
// On /history/compare/?from=…&to=…, where the compare form leads, it reads the list of versions
// and both versions' JSON, compares them with the build's own code (src/history/compare.ts, on the
// blocks the JSON holds: src/history/data-blocks.ts) and draws the compare view in place of the
// list, with the markup of a built one (src/history/compare-html.ts). A pair built ahead is left
// to assets/compare.js, which goes to its page.
import { compareSection, compareSections } from "../src/history/compare.ts";
import { compareBannerHtml, compareBodyHtml, compareHeadHtml } from "../src/history/compare-html.ts";
import { compareVersions } from "../src/history/comparisons.ts";
import { blocksFromData } from "../src/history/data-blocks.ts";
import { rendered } from "../src/history/diff-html.ts";
import { readableDate } from "../src/lib/dates.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Compares sections whose blocks were read from a version's JSON. */
export const browserComparer = () => ({
  compare: (before, after) =>
    compareSections(before, after, (b, a) => rendered(compareSection(b, a, (section) => section.blocks))),
});

/** A version's sections from its JSON document, as the comparison reads them. */
export const sectionsOf = (doc) =>
  doc.sections.map((section) => ({
    id: section.id,
    title: section.heading,
    body: "",
    blocks: blocksFromData(section),
  }));

/**
 * Two versions compared, the older first: `list` is versions.json's versions (oldest first),
 * `docs` the two versions' JSON documents by date.
 */
export function comparisonOf(list, older, newer, docs) {
  const versions = list.map((v) => ({
    effectiveDate: v.effectiveDate,
    status: v.status,
    summary: v.summary,
    changeNotes: v.changeNotes,
    policy: { sections: docs[v.effectiveDate] ? sectionsOf(docs[v.effectiveDate]) : [] },
  }));
  const at = (date) => versions.findIndex((v) => v.effectiveDate === date);
  return compareVersions(versions, at(older), at(newer), browserComparer());
}

const prefix = () => document.documentElement.dataset.pathPrefix || "/";
const href = (sitePath) => `${prefix()}${sitePath.replace(/^\//, "")}`;

async function fetchJson(sitePath) {
  const response = await fetch(href(sitePath));
  if (!response.ok) throw new Error(`${response.status} for ${sitePath}`);
  return response.json();
}

/** A line above the list saying what went wrong, and what still works. */
function say(index, text) {
  let status = index.querySelector(".compare-index__status");
  if (!status) {
    status = document.createElement("p");
    status.className = "compare-index__status";
    status.setAttribute("role", "status");
    index.querySelector(".compare-versions").after(status);
  }
  status.textContent = text;
}

/** The compare view in place of the list: the banner, then the article with the form in it, as a built one. */
function draw(index, pair, list) {
  const [older, newer] = [readableDate(pair.from.effectiveDate), readableDate(pair.to.effectiveDate)];
  const banner = document
    .createRange()
    .createContextualFragment(compareBannerHtml(pair, { effectiveDate: list.current }, href));
  const article = document.createElement("article");
  // As a built compare view's, and as tall as the list was, so the footer stays where it was.
  article.className = "changes-page compare-index";
  article.innerHTML = compareHeadHtml(pair, list.policyName, href);
  const form = index.querySelector(".compare-versions");
  form.open = false;
  form.querySelector("select[name=from]").value = pair.from.effectiveDate;
  form.querySelector("select[name=to]").value = pair.to.effectiveDate;
  article.append(form);
  article.insertAdjacentHTML("beforeend", compareBodyHtml(pair, href));
  index.replaceWith(banner, article);
  document.title = `Changes from ${older} to ${newer} – ${list.policyName}`;
  // What paper says, as on a built compare view: the running header and footer (attributes on
  // <html>, read by assets/print.css) and the header of page 1; the address is this one.
  const printTitle = `Changes from the version of ${older} to the version of ${newer}`;
  const printDate = `Compares the versions of ${older} and ${newer}`;
  const root = document.documentElement;
  const url = `${root.dataset.printUrl}${location.search}`;
  Object.assign(root.dataset, { printTitle, printDate, printUrl: url });
  const header = document.querySelector(".print-header__section");
  header.textContent = printTitle;
  header.nextElementSibling.textContent = printDate;
  document.querySelector(".print-header__url").textContent = url;
}

async function start() {
  const index = document.querySelector("[data-compare-index]");
  const query = new URLSearchParams(location.search);
  const [first, second] = [query.get("from") ?? "", query.get("to") ?? ""];
  if (!index || (!first && !second)) return;
  if (!DATE.test(first) || !DATE.test(second) || first === second) {
    return say(index, "Choose two different versions to compare.");
  }
  const [older, newer] = first < second ? [first, second] : [second, first];
  // Built ahead: assets/compare.js goes there.
  if (document.querySelector(`a[href="${href(`/history/compare/${older}...${newer}/`)}"]`)) return;
  index.setAttribute("aria-busy", "true");
  try {
    const list = await fetchJson("/history/versions.json");
    const missing = [older, newer].find((date) => !list.versions.some((v) => v.effectiveDate === date));
    if (missing) return say(index, `There is no version of ${missing}: choose two versions from the lists.`);
    const docs = {};
    for (const date of [older, newer]) docs[date] = await fetchJson(`/history/${date}/policy.json`);
    draw(index, comparisonOf(list.versions, older, newer, docs), list);
  } catch (error) {
    say(index, `The two versions could not be compared here (${error.message}); the pairs below are built in advance.`);
  } finally {
    index.removeAttribute("aria-busy");
  }
}

if (typeof document !== "undefined") start();
