import { z } from "zod";
import { ID_PATTERN } from "./ids.ts";

const idRule = "lowercase letters and digits in words joined by single hyphens, e.g. `what-we-collect`";

/**
 * The front matter of one policy section. Strict: an unknown key (a typo such as `titel`)
 * is an error rather than silently ignored.
 */
export const sectionFrontMatter = z
  .object({
    id: z.string().regex(ID_PATTERN),
    order: z.number().int().positive(),
    title: z.string().trim().min(1),
    description: z.string().trim().min(1).max(200).optional(),
    /**
     * Words readers search with that the section's text does not use ("turn off cookies").
     * Indexed for search, never shown: the legal text itself stays word for word.
     */
    searchTerms: z.array(z.string().trim().min(1)).optional(),
    /**
     * The same for single clauses, by clause id (`business-transfers: [merger, taken over]`), so
     * the clause that answers comes first among its section's results.
     */
    clauseSearchTerms: z.record(z.string().regex(ID_PATTERN), z.array(z.string().trim().min(1))).optional(),
    /** Clause ids retired on purpose, each mapped to the id of the clause that now carries them. */
    aliases: z.record(z.string().regex(ID_PATTERN), z.string().regex(ID_PATTERN)).optional(),
  })
  .strict();

export type SectionFrontMatter = z.infer<typeof sectionFrontMatter>;

export const FRONT_MATTER_KEYS = Object.keys(sectionFrontMatter.shape);

/** One thing wrong with the front matter; `path` is the key it is about ("title", "aliases.old-id"), to find its line. */
export interface FrontMatterProblem {
  path: string;
  message: string;
}

export type FrontMatterResult = { ok: true; data: SectionFrontMatter } | { ok: false; problems: FrontMatterProblem[] };

const expectedType: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  array: "a list (one `- item` per line)",
  record: "a list of `old-id: new-id` pairs",
  object: "a set of `key: value` lines",
};

/** Zod's issues in an author's words: what is missing, mistyped or unknown. */
function describe(issue: z.core.$ZodRawIssue): string {
  const where = issue.path?.length ? `\`${issue.path.join(".")}\`` : "the front matter";
  if (issue.code === "invalid_type" && issue.input === undefined) return `${where} is missing`;
  if (issue.code === "invalid_type" && issue.path?.[0] === "clauseSearchTerms" && issue.path.length < 3)
    return issue.path.length === 1
      ? `${where} must be clause ids, each with a list of words (\`clause-id:\` then \`  - words\` lines)`
      : `${where} must be a list of words (one \`- words\` per line)`;
  if (issue.code === "invalid_type") return `${where} must be ${expectedType[issue.expected] ?? issue.expected}`;
  if (issue.code === "unrecognized_keys")
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `\`${k}\``).join(", ")}`;
  if (issue.code === "too_small")
    return issue.origin === "number" ? `${where} must be 1 or more` : `${where} must not be empty`;
  if (issue.code === "too_big") return `${where} must be at most ${issue.maximum} characters`;
  if (issue.code === "invalid_format") return `${where} must be ${idRule}`;
  if (issue.code === "invalid_key")
    return `\`${issue.path?.[0]?.toString()}\`: \`${issue.path?.at(-1)?.toString()}\` is not an id; ids must be ${idRule}`;
  return `${where} ${issue.message ?? "is not valid"}`;
}

/** Checks front matter values (read by src/content/front-matter-values.ts); each problem names its key. */
export function validateFrontMatter(data: unknown): FrontMatterResult {
  const result = sectionFrontMatter.safeParse(data, { error: (issue) => describe(issue) });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}
