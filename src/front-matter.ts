import { z } from "zod";
import { ID_PATTERN } from "./slug.ts";

/**
 * The front matter of one policy section. Strict: an unknown key (a typo such as `titel`)
 * is an error rather than silently ignored.
 */
export const sectionFrontMatter = z
  .object({
    id: z
      .string()
      .regex(ID_PATTERN, "must be lowercase letters, digits and single hyphens, e.g. `what-we-collect`"),
    order: z.number().int().positive(),
    title: z.string().trim().min(1, "must not be empty"),
    description: z.string().trim().min(1).max(200).optional(),
    /**
     * Words readers search with that the section's text does not use ("turn off cookies").
     * Indexed for search, never shown: the legal text itself stays word for word.
     */
    searchTerms: z.array(z.string().trim().min(1)).optional(),
    /** Clause ids retired on purpose, each mapped to the id that now carries that clause. */
    aliases: z
      .record(z.string().regex(ID_PATTERN, "alias must be a valid id"), z.string().regex(ID_PATTERN))
      .optional(),
  })
  .strict();

export type SectionFrontMatter = z.infer<typeof sectionFrontMatter>;

export type FrontMatterResult =
  | { ok: true; data: SectionFrontMatter }
  | { ok: false; problems: string[] };

/** Checks parsed front matter; problems read as "`key`: what is wrong". */
export function validateFrontMatter(data: unknown): FrontMatterResult {
  const result = sectionFrontMatter.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const key = issue.path.length > 0 ? `\`${issue.path.join(".")}\`` : "front matter";
      return `${key}: ${issue.message}`;
    }),
  };
}
