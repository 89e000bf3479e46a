import { readableDate } from "../lib/dates.ts";
import type { Comparison, DatedNote } from "./comparisons.ts";
import { escapeHtml, type RenderedChange } from "./diff-html.ts";

/*
 * The markup of a compare view, as one function for the build (pages/history/compare.njk and
 * changes.njk, through filters) and the browser (assets/compare-view.js, for the pairs not built
 * ahead), so a pair compared in the browser reads exactly as one built ahead. Pure: links are
 * site paths passed through `href`, which adds the PATH_PREFIX in the browser.
 */

export type Href = (sitePath: string) => string;
const asIs: Href = (sitePath) => sitePath;

const time = (date: string): string => `<time datetime="${escapeHtml(date)}">${escapeHtml(readableDate(date))}</time>`;

/** The legend, then each added, removed or changed section with its notes and marked words, then the unchanged ones listed. */
export interface SectionsView {
  changes: ReadonlyArray<RenderedChange & { notes: readonly DatedNote[] }>;
  unchanged: ReadonlyArray<{ id: string; title: string }>;
  /** The newer version's page, and its name in “Read it in …”. */
  readUrl: string;
  readLabel: string;
  /** The older version's page and name, for sections it had and the newer one dropped. */
  removedUrl?: string;
  removedLabel?: string;
  /** Notes from several versions carry their dates. */
  datedNotes?: boolean;
}

const LABELS: Record<string, string> = {
  added: "Section added",
  removed: "Section removed",
  changed: "Section changed",
};

function readLink(url: string, id: string, label: string, title: string, href: Href): string {
  return ` · <a href="${escapeHtml(href(`${url}#${id}`))}">Read it in ${escapeHtml(label)}<span class="visually-hidden">: ${escapeHtml(title)}</span></a>`;
}

function sectionHtml(change: SectionsView["changes"][number], view: SectionsView, href: Href): string {
  const read =
    change.change !== "removed"
      ? readLink(view.readUrl, change.id, view.readLabel, change.title, href)
      : view.removedUrl
        ? readLink(view.removedUrl, change.id, view.removedLabel ?? "", change.title, href)
        : "";
  const notes = change.notes.map(
    (note) => `<li>${view.datedNotes ? `${time(note.effectiveDate)}: ` : ""}${escapeHtml(note.note)}</li>`,
  );
  return [
    `<section class="diff-section diff-section--${change.change}" aria-labelledby="${escapeHtml(change.id)}">`,
    change.titleHtml,
    `<p class="diff-status">${LABELS[change.change]}${read}</p>`,
    ...(notes.length
      ? [
          '<div class="diff-notes">',
          '<p class="diff-notes__label">What changed and why (a note, not part of the policy):</p>',
          `<ul>${notes.join("")}</ul>`,
          "</div>",
        ]
      : []),
    change.bodyHtml,
    "</section>",
  ].join("\n");
}

export function compareSectionsHtml(view: SectionsView, href: Href = asIs): string {
  const parts = [
    '<p class="diff-legend">Added words are <span class="diff-legend__added">underlined</span> and removed words',
    '<span class="diff-legend__removed">struck through</span>; screen readers and printouts also say “added” and “removed”.</p>',
    ...view.changes.filter((change) => change.change !== "unchanged").map((change) => sectionHtml(change, view, href)),
  ];
  const n = view.unchanged.length;
  if (n > 0) {
    const items = view.unchanged.map(
      (s) => `<li><a href="${escapeHtml(href(`${view.readUrl}#${s.id}`))}">${escapeHtml(s.title)}</a></li>`,
    );
    parts.push(
      `<details class="diff-unchanged">\n<summary>${n} ${n === 1 ? "section" : "sections"} unchanged</summary>\n<ul>${items.join("")}</ul>\n</details>`,
    );
  }
  return parts.join("\n");
}

const STATUS_WORDS: Record<string, string> = {
  current: "in force",
  superseded: "replaced",
  upcoming: "not in force yet",
};

/** Which two versions a compare view shows, and where the current policy is: the banner above it. */
export function compareBannerHtml(pair: Comparison, current: { effectiveDate: string }, href: Href = asIs): string {
  const { from, to } = pair;
  const kind =
    to.status === "upcoming" ? " version-banner--upcoming" : to.status !== "current" ? " version-banner--archived" : "";
  const status = (s?: string): string => escapeHtml(STATUS_WORDS[s ?? ""] ?? "");
  return [
    `<div class="version-banner${kind}" data-version-banner>`,
    `<p><strong>This compares two versions of the policy</strong>: the version of ${time(from.effectiveDate)} (${status(from.status)})`,
    `with the version of ${time(to.effectiveDate)} (${status(to.status)}).</p>`,
    `<p><a href="${escapeHtml(href("/"))}">Read the current policy</a>, effective ${time(current.effectiveDate)}.</p>`,
    "</div>",
  ].join("\n");
}

/** The compare view's heading, the versions that made the changes, and the links to both texts. */
export function compareHeadHtml(pair: Comparison, policyName: string, href: Href = asIs): string {
  const { from, to, between } = pair;
  const [older, newer] = [readableDate(from.effectiveDate), readableDate(to.effectiveDate)];
  const steps = between.map(
    (step) =>
      `<li><a href="${escapeHtml(href(step.changesUrl))}">${time(step.effectiveDate)}</a>: ${escapeHtml(step.summary ?? "")}</li>`,
  );
  return [
    '<header class="page-header">',
    `<p class="page-header__kicker">${escapeHtml(policyName)}</p>`,
    `<h1>Changes from ${escapeHtml(older)} to ${escapeHtml(newer)}</h1>`,
    `<p class="effective">The version effective ${time(from.effectiveDate)},`,
    `compared with the version effective ${time(to.effectiveDate)}</p>`,
    "</header>",
    `<p>${between.length === 1 ? "One version" : `${between.length} versions`} made these changes:</p>`,
    `<ul class="compare-between">${steps.join("")}</ul>`,
    '<ul class="changes-links">',
    `<li><a href="${escapeHtml(href(from.url))}">The full text of the version of ${escapeHtml(older)}</a></li>`,
    `<li><a href="${escapeHtml(href(to.url))}">The full text of the version of ${escapeHtml(newer)}</a></li>`,
    `<li><a href="${escapeHtml(href("/history/"))}">Every version</a></li>`,
    "</ul>",
  ].join("\n");
}

/** The sections of a compare view of two versions: read in the newer, removed ones in the older, notes dated. */
export function compareBodyHtml(pair: Comparison, href: Href = asIs): string {
  return compareSectionsHtml(
    {
      changes: pair.changes,
      unchanged: pair.unchanged,
      readUrl: pair.to.url,
      readLabel: `the version of ${readableDate(pair.to.effectiveDate)}`,
      removedUrl: pair.from.url,
      removedLabel: `the version of ${readableDate(pair.from.effectiveDate)}`,
      datedNotes: true,
    },
    href,
  );
}
