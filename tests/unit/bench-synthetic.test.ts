import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  readSectionFiles,
  suffixClauseIds,
  synthesizeSections,
  writeSyntheticContent,
} from "../../scripts/bench/synthetic.ts";
import { parseSection } from "../../src/content/read-sections.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { realContentDir } from "../helpers/site.ts";

const real = readSectionFiles(realContentDir);
/** A section file's front matter and body, as the build reads them. */
const matter = (text: string) => {
  const { body, ...data } = parseSection("x.md", text);
  return { data, content: body };
};
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe("synthetic policies for the benchmark", () => {
  it("are the same files every time for the same size", () => {
    expect(synthesizeSections(real, 30)).toEqual(synthesizeSections(real, 30));
    expect(synthesizeSections([...real].reverse(), 30)).toEqual(synthesizeSections(real, 30));
  });

  it("have the requested number of sections, numbered in order with sortable file names", () => {
    const files = synthesizeSections(real, 120);
    expect(files).toHaveLength(120);
    expect(files.map((file) => matter(file.text).data.order)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(files.map((file) => file.name)).toEqual([...files.map((file) => file.name)].sort());
    expect(files[0].name).toBe("001-information-we-gather-1.md");
  });

  it("cycle through the real sections' text, with ids and titles of their own", () => {
    const files = synthesizeSections(real, real.length + 1);
    const first = matter(files[0].text);
    const again = matter(files[real.length].text);
    const n = real.length + 1;
    expect(again.data.id).toBe(`${first.data.id.replace(/-1$/, "")}-${n}`);
    expect(again.data.title).toBe(`${matter(real[0].text).data.title} (${n})`);
    expect(again.content.replaceAll(`-${n}}`, "-1}")).toBe(first.content);
    expect(again.content).toContain(
      matter(real[0].text)
        .content.split("\n")
        .find((line) => line.length > 80),
    );
  });

  it("keep every clause id unique across the whole policy", () => {
    const ids = synthesizeSections(real, 50).flatMap((file) =>
      [...file.text.matchAll(/\{#([^}]+)\}/g)].map((match) => match[1]),
    );
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("suffix declared clause ids and retired aliases alike", () => {
    expect(suffixClauseIds("## A {#first-clause}\n\nText {#not an id}\n## B {#b2}", "7")).toBe(
      "## A {#first-clause-7}\n\nText {#not an id}\n## B {#b2-7}",
    );
    const [file] = synthesizeSections(
      [
        {
          name: "01-a.md",
          text: "---\nid: a\norder: 1\ntitle: A\naliases:\n  old: new\n---\n\n## New {#new}\n\nText.\n",
        },
      ],
      1,
    );
    expect(matter(file.text).data.aliases).toEqual({ "old-1": "new-1" });
  });

  it("build into a policy the real pipeline accepts", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-synthetic-"));
    temp.push(dir);
    writeSyntheticContent(realContentDir, 25, dir);
    const policy = loadPolicy(dir);
    expect(policy.sections).toHaveLength(25);
    const clauseIds = policy.sections.flatMap((section) => section.inPolicy.clauses.map((clause) => clause.id));
    expect(new Set(clauseIds).size).toBe(clauseIds.length);
    expect(policy.sections.at(-1)!.title).toMatch(/\(25\)$/);
  });
});
