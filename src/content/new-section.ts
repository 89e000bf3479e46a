import matter from "gray-matter";
import { ContentError } from "../lib/problems.ts";
import { ID_PATTERN, slugifyHeading } from "./ids.ts";
import { LAYOUT_IDS, SITE_PATHS } from "./policy-rules.ts";

export interface NewSection {
  /** "08-some-title.md": the order, two digits, then the id, so files list in policy order. */
  fileName: string;
  id: string;
  order: number;
  /** The whole file: front matter and a first line of text, which the build accepts as it is. */
  text: string;
}

export interface ExistingContent {
  fileNames: string[];
  sections: Array<{ id: string; order: number }>;
}

export const PLACEHOLDER_TEXT = "Write the text of this section here.";

/** Plans the next section file for a title; refuses a title without words or an id already taken. */
export function planNewSection(title: string, existing: ExistingContent, id = slugifyHeading(title)): NewSection {
  const trimmed = title.trim();
  const where = "new section";
  if (trimmed === "")
    throw new ContentError(
      where,
      "the title is empty",
      'Give the section\'s title in quotes: npm run new-section -- "What About Cookies?"',
    );
  if (!ID_PATTERN.test(id))
    throw new ContentError(
      where,
      `\`${id}\` is not a valid id`,
      "Ids are lowercase letters and digits in words joined by single hyphens, e.g. --id cookies.",
    );
  if (existing.sections.some((s) => s.id === id) || [...LAYOUT_IDS, ...SITE_PATHS].includes(id)) {
    throw new ContentError(
      where,
      `the id \`${id}\` is already taken`,
      "Choose another with --id, e.g. --id cookie-settings.",
    );
  }
  const order = Math.max(0, ...existing.sections.map((s) => s.order)) + 1;
  const fileName = `${String(order).padStart(2, "0")}-${id}.md`;
  if (existing.fileNames.includes(fileName))
    throw new ContentError(
      fileName,
      "a file with this name already exists",
      "Rename or remove it, or choose another id with --id.",
    );
  const text = matter.stringify(`\n${PLACEHOLDER_TEXT}\n`, { id, order, title: trimmed });
  return { fileName, id, order, text };
}
