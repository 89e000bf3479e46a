import { createHash } from "node:crypto";
import slugify from "@sindresorhus/slugify";

/** The one slug function for headings and section ids: readable ASCII, never URL-encoded. */
export function slugifyHeading(text: string): string {
  // decamelize would split "audioMIDI" into "audio-midi"; headings are prose, not identifiers.
  return slugify(text, { decamelize: false }) || "section";
}

/** Ids authors may declare: lowercase words joined by single hyphens, safe in a URL path and a fragment. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Ids the build gives to what a section's text contains. Each has an underscore, which no id an
 * author writes can have (ID_PATTERN), and names its section, whose id is unique: so they never
 * meet another id on the section page or on the whole-policy page, and stay the same from one
 * build to the next.
 */
export const generatedIds = {
  /** The n-th note of a section, numbered as the reader sees it. */
  note: (sectionId: string, n: number): string => `fn_${sectionId}_${n}`,
  /** The k-th reference (from 0) to the n-th note. */
  noteRef: (sectionId: string, n: number, k: number): string => `fnref_${sectionId}_${n}${k > 0 ? `_${k + 1}` : ""}`,
  notes: (sectionId: string): string => `notes_${sectionId}`,
  tableCaption: (sectionId: string, n: number): string => `table_${sectionId}_${n}`,
  summaryLabel: (sectionId: string): string => `summary_${sectionId}`,
};

/** A defined term's id, from its words: one per term across the whole policy (the content rules refuse two). */
export function termId(term: string): string {
  const slug = slugify(term, { decamelize: false });
  // Words with no Latin transliteration (中文, ελληνικά) still get a stable id of their own.
  return `term_${slug || createHash("sha256").update(term.normalize("NFC")).digest("hex").slice(0, 10)}`;
}
