import { isMap, isPair, isScalar, type Node } from "yaml";
import { closestKey, FRONT_MATTER_KINDS } from "./front-matter-keys.ts";
import type { ParsedYaml, YamlProblem } from "./front-matter-yaml.ts";
import { ValueReader } from "./value-reader.ts";

export interface FrontMatterValues {
  /** The known keys, each value exactly as written (a plain `1984` stays the text "1984"). */
  data: Record<string, unknown>;
  /** The file line of each key and of each list item or pair: "title", "searchTerms.1", "aliases.old-id". */
  lines: Map<string, number>;
  problems: YamlProblem[];
  /** Keys a mistyped key probably meant (`titel` → `title`): not reported missing as well. */
  meant: string[];
}

/** Reads front matter values key by key, keeping every string whole or saying why it cannot. */
export function frontMatterValues(parsed: ParsedYaml): FrontMatterValues {
  const lines = new Map<string, number>();
  const problems: YamlProblem[] = [];
  const data: Record<string, unknown> = {};
  const meant: string[] = [];
  const lineOfNode = (node: Node | null | undefined, fallback: number): number =>
    node?.range ? parsed.lineOf(node.range[0]) : fallback;
  const problem = (line: number, text: string, hint: string): undefined => {
    problems.push({ line, problem: text, hint });
    return undefined;
  };
  const contents = parsed.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { data, lines, problems, meant };
  if (!isMap(contents)) {
    problem(
      lineOfNode(contents, 2),
      "the front matter is not a set of `key: value` lines",
      "Write one `key: value` per line (see docs/editing.md, “Front matter”).",
    );
    return { data, lines, problems, meant };
  }
  for (const pair of contents.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as Node | null;
    const line = lineOfNode(keyNode, 2);
    const key = isScalar(keyNode) ? String(keyNode.source ?? keyNode.value) : undefined;
    if (key === undefined || !(key in FRONT_MATTER_KINDS)) {
      const near = key && closestKey(key);
      if (near) meant.push(near);
      problem(
        line,
        key === undefined ? "a key that is not a plain word" : `unknown key \`${key}\``,
        `${near ? `Did you mean \`${near}\`? ` : ""}The allowed keys are ${Object.keys(FRONT_MATTER_KINDS).join(", ")}.`,
      );
      continue;
    }
    lines.set(key, line);
    const reader = new ValueReader(parsed, key, lines, problem);
    const value = reader.read(pair.value as Node | null, FRONT_MATTER_KINDS[key as keyof typeof FRONT_MATTER_KINDS]);
    if (value !== undefined) data[key] = value;
  }
  return { data, lines, problems, meant };
}
