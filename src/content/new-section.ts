import { stringify } from "yaml";
import { ContentError } from "../lib/problems.ts";
import { LAYOUT_IDS, SITE_PATHS } from "./id-rules.ts";
import { ID_PATTERN, slugifyHeading } from "./ids.ts";

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

/** The line `npm run new-section` writes as the body: the build refuses it until it is replaced. */
export const PLACEHOLDER_TEXT = "Write the text of this section here.";

/** The placeholder left in a section body, at its file line. */
export function placeholderProblem(file: string, body: string, bodyLine: number): ContentError | undefined {
  const index = body.split("\n").findIndex((line) => line.includes(PLACEHOLDER_TEXT));
  if (index === -1) return undefined;
  return new ContentError(
    file,
    `the placeholder “${PLACEHOLDER_TEXT}” is still here`,
    "Replace it with the section's text: a placeholder is never published as policy text.",
    bodyLine + index,
  );
}

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
  // yaml quotes whatever YAML would otherwise read as something else (`#`, `: `, `1984`).
  const text = `---\n${stringify({ id, order, title: trimmed }, { lineWidth: 0 })}---\n\n${PLACEHOLDER_TEXT}\n`;
  return { fileName, id, order, text };
}
