import { ContentError } from "../lib/problems.ts";
import type { ScannedSection } from "./policy-rules.ts";

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

interface Claim {
  file: string;
  line?: number;
  what: string;
}

/**
 * Every id that ends up on the whole-policy page (sections, clauses, aliases) is unique and not
 * one of the layout's; every alias points at a clause of its own section, where its anchor is put.
 * Two sections with one id are reported by orderSections, so section ids are only checked here
 * against the layout and the site's own folders.
 */
export function checkIds(sections: ScannedSection[]): ContentError[] {
  const problems: ContentError[] = [];
  const taken = new Map<string, Claim>(LAYOUT_IDS.map((id) => [id, { file: "", what: "the page layout" }]));
  const claim = (id: string, here: Claim): void => {
    const other = taken.get(id);
    if (!other) {
      taken.set(id, here);
      return;
    }
    if (other.what === "section id" && here.what === "section id") return;
    const where = other.file ? `${other.what} in ${other.file}${other.line ? `:${other.line}` : ""}` : other.what;
    const hint = other.file
      ? "Ids share one page (the whole policy), so each must be unique; rename one of them."
      : "The layout owns this id; choose another.";
    problems.push(
      new ContentError(here.file, `the id \`${id}\` (${here.what}) is already used by ${where}`, hint, here.line),
    );
  };
  for (const { source } of sections) {
    if (SITE_PATHS.includes(source.id)) {
      problems.push(
        new ContentError(
          source.file,
          `the section id \`${source.id}\` is taken by the site's own /${source.id}/ folder`,
          "Choose another id for the section.",
        ),
      );
    }
    claim(source.id, { file: source.file, what: "section id" });
  }
  for (const { source, scan } of sections) {
    for (const heading of scan.headings) {
      if (heading.id) claim(heading.id, { file: source.file, line: heading.line, what: "clause id" });
    }
  }
  for (const { source, scan } of sections) {
    const clauseIds = scan.headings.map((h) => h.id);
    for (const [alias, target] of Object.entries(source.aliases ?? {})) {
      claim(alias, { file: source.file, what: "alias" });
      if (clauseIds.includes(target)) continue;
      problems.push(
        new ContentError(
          source.file,
          `the alias \`${alias}\` points to \`${target}\`, which is not a clause id in this section`,
          `Point it at one of this section's clause ids: ${clauseIds.map((id) => `\`${id}\``).join(", ") || "(none yet)"}.`,
        ),
      );
    }
  }
  return problems;
}
