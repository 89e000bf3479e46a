import slugify from "@sindresorhus/slugify";

/** The one slug function for headings and section ids: readable ASCII, never URL-encoded. */
export function slugifyHeading(text: string): string {
  // decamelize would split "audioMIDI" into "audio-midi"; headings are prose, not identifiers.
  return slugify(text, { decamelize: false }) || "section";
}

/** Ids authors may declare: lowercase words joined by single hyphens, safe in a URL path and a fragment. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
