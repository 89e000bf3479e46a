import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
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
  let text: string;
  try {
    text = readFileSync(fullPath, "utf8");
    data = JSON.parse(text);
  } catch (error) {
    throw new ContentError(file, `cannot read the ${hints.what}: ${(error as Error).message}`, hints.unreadable);
  }
  const duplicate = duplicateKey(text);
  if (duplicate) {
    throw new ContentError(
      file,
      `the key \`${duplicate.key}\` is given twice in the ${hints.what}${duplicate.first < duplicate.line ? ` (also on line ${duplicate.first})` : ""}`,
      "JSON keeps only the last one: keep the one you mean and delete the other.",
      duplicate.line,
    );
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `\`${issue.path.join(".") || "file"}\`: ${issue.message}`);
    throw new ContentError(file, `invalid ${hints.what}:\n  - ${problems.join("\n  - ")}`, hints.invalid);
  }
  return result.data;
}

/**
 * A key given twice in one JSON object, which JSON.parse would drop in silence (the last one
 * wins). JSON is YAML, and the yaml parser reports duplicate keys with their place.
 */
export function duplicateKey(text: string): { key: string; line: number; first: number } | undefined {
  const counter = new LineCounter();
  const error = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false }).errors.find(
    (e) => e.code === "DUPLICATE_KEY",
  );
  if (!error) return undefined;
  const key = /^\s*"((?:[^"\\]|\\.)*)"/.exec(text.slice(error.pos[0]))?.[1] ?? "?";
  const line = counter.linePos(error.pos[0]).line;
  const first = text.split("\n").findIndex((l) => l.includes(`"${key}"`)) + 1;
  return { key, line, first: first > 0 && first < line ? first : line };
}
