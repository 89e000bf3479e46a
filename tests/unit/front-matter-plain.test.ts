import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlainFrontMatter } from "../../src/content/front-matter-plain.ts";
import {
  type FrontMatterRead,
  readFrontMatter,
  readFrontMatterYaml,
  type SplitFile,
  splitFrontMatter,
} from "../../src/content/front-matter-read.ts";
import { projectRoot } from "../../src/options.ts";

/** Every section file of the project: the real policy, its history and every fixture's. */
const sectionFiles = ["content", "tests/fixtures"].flatMap((root) =>
  (readdirSync(path.join(projectRoot, root), { recursive: true }) as string[])
    .filter((name) => name.endsWith(".md") && !name.includes("node_modules"))
    .map((name) => path.join(root, name)),
);

const splits = sectionFiles.flatMap((file) => {
  const split = splitFrontMatter(file, readFileSync(path.join(projectRoot, file), "utf8"));
  return "yaml" in split ? [{ file, split }] : [];
});

/** A reading as plain data, problems included, to compare two readings. */
const plain = (read: FrontMatterRead) => ({
  ...read,
  problems: read.problems.map(({ file, line, problem, hint }) => ({ file, line, problem, hint })),
});

const withYaml = (split: SplitFile, yaml: string): SplitFile => ({ ...split, yaml });

/** Characters YAML reads as markup somewhere, and characters that cannot be seen. */
const MARKS = [..."&*!@`%[]{}|>-?:,'\"~.#\\", "\t", "\u00a0", "\u200b", "\u202e", "\ufeff", "\u0007", "\u0085"];
const VALUES = ["null", "Null", "NULL", "~", "", "'a''b'", '"a\\"b"', '"x" y', "true", "1984", "01", "1e3", "0x1F"];

/** The line's shape: its indent, and whether it holds a key, an item, or both. */
const shapeOf = (line: string): string =>
  `${/^ */.exec(line)![0].length}${/^ *- /.test(line) ? "-" : ""}${/:( |$)/.exec(line)?.[0] ?? ""}`;

/**
 * Copies of front matter each altered in one place: a mark, a value, an indent, a line added or
 * lost; on the first two lines of each shape, so every shape is tried without trying every line.
 */
function altered(yaml: string): string[] {
  const lines = yaml.split("\n");
  const variants: string[] = [];
  const seen = new Map<string, number>();
  const at = (i: number, line: string | string[]) => {
    const copy = [...lines];
    copy.splice(i, 1, ...(Array.isArray(line) ? line : [line]));
    variants.push(copy.join("\n"));
  };
  lines.forEach((line, i) => {
    const shape = shapeOf(line);
    seen.set(shape, (seen.get(shape) ?? 0) + 1);
    if (seen.get(shape)! > 2) return;
    const colon = line.indexOf(": ");
    const cut = colon === -1 ? line.indexOf("- ") + 2 : colon + 2;
    const [head, value] = cut > 1 ? [line.slice(0, cut), line.slice(cut)] : [line, ""];
    for (const mark of MARKS) {
      at(i, `${line}${mark}`);
      at(i, `${head}${mark}${value}`);
      at(i, `${head}${value.slice(0, 3)}${mark} ${value.slice(3)}`);
    }
    for (const other of VALUES) at(i, `${head}${other}`);
    at(i, ` ${line}`);
    at(i, line.slice(1));
    at(i, [line, line]);
    at(i, []);
    at(i, [line, ""]);
    at(i, [line, "# a note"]);
    at(i, line.toUpperCase());
  });
  return variants;
}

describe("front matter in the plain shape, read without the YAML parser", () => {
  it("reads every section file of the project as the YAML parser does", () => {
    for (const { file, split } of splits) {
      expect(plain(readFrontMatter(file, split)), file).toEqual(plain(readFrontMatterYaml(file, split)));
    }
  });

  it("is how the real policy's files are read", () => {
    const real = splits.filter(({ file }) => file.startsWith("content"));
    expect(real.length).toBeGreaterThan(5);
    for (const { split } of real) expect(readPlainFrontMatter(split.yaml, split.yamlLine)).toBeDefined();
  });

  it("reads altered copies as the YAML parser does, or leaves them to it", () => {
    let tried = 0;
    let accepted = 0;
    const differ: string[] = [];
    // The real policy's files, and one with aliases, which the real policy has none of.
    const sources = splits.filter(({ file }) => file.startsWith("content") || file.includes("retired-id-with-alias"));
    for (const { file, split } of sources) {
      for (const yaml of altered(split.yaml)) {
        tried++;
        // A copy left to the parser is read by it alone: only the ones read here can differ.
        if (!readPlainFrontMatter(yaml, split.yamlLine)) continue;
        accepted++;
        const copy = withYaml(split, yaml);
        const [fast, parsed] = [plain(readFrontMatter(file, copy)), plain(readFrontMatterYaml(file, copy))];
        if (JSON.stringify(fast) !== JSON.stringify(parsed)) differ.push(`${file}:\n${yaml}`);
      }
    }
    expect(tried).toBeGreaterThan(4000);
    expect(accepted).toBeGreaterThan(1000);
    expect(differ).toEqual([]);
  });

  it("leaves what YAML reads in another way to the parser", () => {
    const declined = [
      "id: a\ntitle: Cookies # and more",
      "id: a\ntitle: Cookies: and more",
      "id: a\ntitle: &anchor Cookies",
      "id: a\ntitle: null",
      "id: a\ntitle: Cookies ",
      "id: a\n\ntitle: Cookies",
      "id: a\ntitle: Cookies\n  and more",
      'id: a\ntitle: "Cookies \\u0041"',
      "id: a\ntitle: 'It''s'",
      "id: a\nid: b",
      "id: a\nsearchTerms:\n   - three spaces",
      "id: a\nsearchTerms:\n- no indent",
      "id: a\nclauseSearchTerms:\n  1:\n    - word\n  01:\n    - word",
      "id: a\naliases:\n  old: new\n  old: newer",
      "Id: a",
    ];
    for (const yaml of declined) expect(readPlainFrontMatter(yaml, 2), yaml).toBeUndefined();
  });

  it("reads each plain shape to the values YAML gives them", () => {
    const yaml = [
      "id: cookies",
      "order: 007",
      'title: "Cookies: what they are"',
      "description: It's 1984, (really) — [sic]",
      "searchTerms:",
      "  - turn off cookies",
      "  - 'tracking'",
      "clauseSearchTerms:",
      "  what-they-are:",
      "    - crumbs",
      "aliases:",
      "  old-id: new-id",
    ].join("\n");
    expect(readPlainFrontMatter(yaml, 2)).toEqual({
      data: {
        id: "cookies",
        order: 7,
        title: "Cookies: what they are",
        description: "It's 1984, (really) — [sic]",
        searchTerms: ["turn off cookies", "tracking"],
        clauseSearchTerms: { "what-they-are": ["crumbs"] },
        aliases: { "old-id": "new-id" },
      },
      titleLine: 4,
    });
  });
});
