import { readFileSync } from "node:fs";
import type { z } from "zod";
import { ContentError } from "./problems.ts";

export interface JsonFileHints {
  /** What the file holds, for messages: "site data", "version data". */
  what: string;
  /** What to do when the file is missing or not JSON. */
  unreadable: string;
  /** What to do when it is JSON but breaks the schema. */
  invalid: string;
}

/** Reads a JSON data file and checks it against a zod schema; every problem names the file and its keys. */
export function readJsonFile<S extends z.ZodType>(
  fullPath: string,
  file: string,
  schema: S,
  hints: JsonFileHints,
): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(fullPath, "utf8"));
  } catch (error) {
    throw new ContentError(file, `cannot read the ${hints.what}: ${(error as Error).message}`, hints.unreadable);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `\`${issue.path.join(".") || "file"}\`: ${issue.message}`);
    throw new ContentError(file, `invalid ${hints.what}:\n  - ${problems.join("\n  - ")}`, hints.invalid);
  }
  return result.data;
}
