import { ContentError } from "../lib/problems.ts";
import { termId } from "./ids.ts";
import { checkMarkdown, type MarkdownScan, scanMarkdown } from "./markdown-rules.ts";
import { checkPublishedIds, type PublishedList } from "./published-ids.ts";
import type { SourceSection } from "./read-sections.ts";
import { checkTerms } from "./term-rules.ts";

/**
 * Ids the layouts put on the pages that show policy text. Content may not use them: two
 * elements with one id break links and assistive technology. A test on the built site keeps
 * this list complete.
 */
export const LAYOUT_IDS = [
  "main",
  "contents",
  "in-this-section",
  "key-terms",
  "provenance",
  "site-search-input",
  "site-search-hint",
];

/** Top-level paths of the built site; a section with one of these ids would overwrite them. */
export const SITE_PATHS = ["assets", "history", "pagefind", "search"];

/** Schemes a link may use; everything else (`javascript:`, `data:`, `vbscript:`, `file:` …) is refused. */
export const LINK_SCHEMES = ["http", "https", "mailto", "tel"];

export interface ScannedSection {
  source: SourceSection;
  scan: MarkdownScan;
}

/** The ids a link can land on, per section page: its clause ids, its aliases and its defined terms. */
export function anchorsBySection(sections: ScannedSection[]): Map<string, Set<string>> {
  return new Map(
    sections.map(({ source, scan }) => [
      source.id,
      new Set([
        ...scan.headings.map((h) => h.id!),
        ...Object.keys(source.aliases ?? {}),
        ...scan.rich.terms.map((t) => termId(t.text)),
      ]),
    ]),
  );
}

interface Claim {
  file: string;
  line?: number;
  what: string;
}

/**
 * Every id that ends up on the whole-policy page (sections, clauses, aliases) is unique and not
 * one of the layout's; every alias points at a clause of its own section, where its anchor is put.
 */
export function checkIds(sections: ScannedSection[]): void {
  const taken = new Map<string, Claim>(LAYOUT_IDS.map((id) => [id, { file: "", what: "the page layout" }]));
  const claim = (id: string, here: Claim): void => {
    const other = taken.get(id);
    if (other) {
      const where = other.file ? `${other.what} in ${other.file}${other.line ? `:${other.line}` : ""}` : other.what;
      const hint = other.file
        ? "Ids share one page (the whole policy), so each must be unique; rename one of them."
        : "The layout owns this id; choose another.";
      throw new ContentError(here.file, `the id \`${id}\` (${here.what}) is already used by ${where}`, hint, here.line);
    }
    taken.set(id, here);
  };
  for (const { source } of sections) {
    if (SITE_PATHS.includes(source.id)) {
      throw new ContentError(
        source.file,
        `the section id \`${source.id}\` is taken by the site's own /${source.id}/ folder`,
        "Choose another id for the section.",
      );
    }
    claim(source.id, { file: source.file, what: "section id" });
  }
  for (const { source, scan } of sections) {
    for (const heading of scan.headings)
      claim(heading.id!, { file: source.file, line: heading.line, what: "clause id" });
  }
  for (const { source, scan } of sections) {
    const clauseIds = scan.headings.map((h) => h.id);
    for (const [alias, target] of Object.entries(source.aliases ?? {})) {
      claim(alias, { file: source.file, what: "alias" });
      if (!clauseIds.includes(target)) {
        throw new ContentError(
          source.file,
          `the alias \`${alias}\` points to \`${target}\`, which is not a clause id in this section`,
          `Point it at one of this section's clause ids: ${clauseIds.map((id) => `\`${id}\``).join(", ") || "(none yet)"}.`,
        );
      }
    }
  }
}

/** What is wrong with one link, or undefined when it lands somewhere real. */
export function linkProblem(
  href: string,
  sectionId: string,
  anchors: Map<string, Set<string>>,
): { problem: string; hint: string } | undefined {
  const siteLinks =
    "Link to a section as `/cookies/`, to a clause in it as `/cookies/#clause-id`, or to a clause of this section as `#clause-id`.";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters and spaces from a URL before reading its scheme, so the check must too.
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(href.replace(/[\x00-\x20]/g, "").toLowerCase())?.[1];
  if (scheme !== undefined) {
    if (LINK_SCHEMES.includes(scheme)) return undefined;
    return {
      problem: `the link \`${href.slice(0, 60)}\` uses the \`${scheme}:\` scheme, which is not allowed`,
      hint: `Links may use ${LINK_SCHEMES.map((s) => `${s}:`).join(", ")} or be a site link. ${siteLinks}`,
    };
  }
  if (href === "" || href.startsWith("//") || !/^[/#]/.test(href)) {
    return {
      problem: `the link \`${href}\` is not a full address or a site link`,
      hint: `Write an external address in full (https://…). ${siteLinks}`,
    };
  }
  const noSlash = /^\/([a-z0-9-]+)(#.*)?$/.exec(href);
  if (noSlash)
    return {
      problem: `the link \`${href}\` lacks the slash after the section id`,
      hint: `Write \`/${noSlash[1]}/${noSlash[2] ?? ""}\`: that is the section's address on every host.`,
    };
  const match = /^(?:\/(?:([a-z0-9-]+)\/)?)?(?:#(.*))?$/.exec(href);
  if (!match) return { problem: `the link \`${href}\` does not point to a page of this site`, hint: siteLinks };
  const isSitePath = href.startsWith("/");
  const [, page, fragment] = match;
  if (page === "search" && fragment === undefined) return undefined;
  if (page !== undefined && !anchors.has(page))
    return {
      problem: `the link \`${href}\` points to a section \`${page}\` that does not exist`,
      hint: `Section ids are ${[...anchors.keys()].map((id) => `\`${id}\``).join(", ")}.`,
    };
  if (fragment === undefined) return undefined;
  // The whole-policy page ("/") holds every section and clause; a section page only its own clauses.
  const onPage =
    isSitePath && page === undefined
      ? new Set(["contents", ...anchors.keys(), ...[...anchors.values()].flatMap((s) => [...s])])
      : anchors.get(page ?? sectionId)!;
  if (onPage.has(fragment)) return undefined;
  const target = isSitePath ? (page ? `the section \`${page}\`` : "the whole policy") : "this section";
  const elsewhere = [...anchors].find(([, ids]) => ids.has(fragment))?.[0];
  return {
    problem: `the link \`${href}\` points to \`#${fragment}\`, which is not an id in ${target}`,
    hint: elsewhere ? `That clause is in another section: link to it as \`/${elsewhere}/#${fragment}\`.` : siteLinks,
  };
}

/** Every link in every section must land: an allowed scheme, an existing section, an existing clause. */
export function checkLinks(sections: ScannedSection[]): void {
  const anchors = anchorsBySection(sections);
  for (const { source, scan } of sections) {
    for (const link of scan.links) {
      const found = linkProblem(link.href, source.id, anchors);
      if (found) throw new ContentError(source.file, found.problem, found.hint, link.line);
    }
  }
}

/** Sorts sections by `order`, refusing two sections with the same order or the same id. */
export function orderSections<T extends Pick<SourceSection, "id" | "order" | "file">>(sections: T[]): T[] {
  const byId = new Map<string, T>();
  const byOrder = new Map<number, T>();
  for (const section of sections) {
    const sameId = byId.get(section.id);
    if (sameId)
      throw new ContentError(
        section.file,
        `the id \`${section.id}\` is already used by ${sameId.file}`,
        "Give each section its own id; ids are part of published URLs.",
        1,
      );
    const sameOrder = byOrder.get(section.order);
    if (sameOrder)
      throw new ContentError(
        section.file,
        `the order ${section.order} is already used by ${sameOrder.file}`,
        "Give each section its own order number.",
        1,
      );
    byId.set(section.id, section);
    byOrder.set(section.order, section);
  }
  return [...sections].sort((a, b) => a.order - b.order);
}

/**
 * Every rule the content must meet before anything is rendered: each section's Markdown on its
 * own, then what needs the whole policy (unique ids, aliases, links, published ids).
 */
export function validatePolicy(ordered: SourceSection[], published?: PublishedList): void {
  const scanned: ScannedSection[] = ordered.map((source) => {
    const scan = scanMarkdown(source.body, source.bodyLine);
    checkMarkdown(source.file, scan);
    return { source, scan };
  });
  checkIds(scanned);
  checkTerms(scanned);
  checkLinks(scanned);
  if (published) {
    const ids = scanned.map(({ source, scan }) => ({
      id: source.id,
      file: source.file,
      clauseIds: scan.headings.map((h) => h.id!),
      aliases: source.aliases ?? {},
    }));
    checkPublishedIds(published, ids);
  }
}

/** Orders a version's sections and checks every rule; the sections come back in policy order. */
export function checkSections(sources: SourceSection[], published?: PublishedList): SourceSection[] {
  const ordered = orderSections(sources);
  validatePolicy(ordered, published);
  return ordered;
}
