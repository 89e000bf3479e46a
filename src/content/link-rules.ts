import { ContentError } from "../lib/problems.ts";
import { termId } from "./ids.ts";
import type { ScannedSection } from "./policy-rules.ts";
import { mayBeUnread, type Unread } from "./read-sections.ts";

/** Schemes a link may use; everything else (`javascript:`, `data:`, `vbscript:`, `file:` …) is refused. */
export const LINK_SCHEMES = ["http", "https", "mailto", "tel"];

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

export interface LinkProblem {
  problem: string;
  hint: string;
  /** The section it may land in if that one could be read ("any": it may be any section). */
  dependsOn?: string;
}

/** What is wrong with one link, or undefined when it lands somewhere real. */
export function linkProblem(
  href: string,
  sectionId: string,
  anchors: Map<string, Set<string>>,
): LinkProblem | undefined {
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
      dependsOn: page,
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
    dependsOn: !elsewhere && isSitePath ? (page ?? "any") : undefined,
  };
}

/**
 * Every link in every section must land: an allowed scheme, an existing section, an existing
 * clause. A link that may point into a section that could not be read (`unread`) is not
 * reported: that section's own problem is.
 */
export function checkLinks(sections: ScannedSection[], unread?: Unread): ContentError[] {
  const anchors = anchorsBySection(sections);
  return sections.flatMap(({ source, scan }) =>
    scan.links.flatMap((link) => {
      const found = linkProblem(link.href, source.id, anchors);
      if (!found) return [];
      const into = found.dependsOn;
      if (
        into &&
        (into === "any" ? unread && (unread.someUnknown || unread.ids.length > 0) : mayBeUnread(unread, into))
      )
        return [];
      return [new ContentError(source.file, found.problem, found.hint, link.line)];
    }),
  );
}
