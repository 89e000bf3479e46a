import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  readSectionFiles,
  suffixClauseIds,
  synthesizeSections,
  writeSyntheticContent,
} from "../../scripts/bench/synthetic.ts";
import { synthesizeHistory, writeSyntheticHistory } from "../../scripts/bench/synthetic-history.ts";
import { parseSection } from "../../src/content/read-sections.ts";
import { todayUtc } from "../../src/options.ts";
import { checkContent, loadPolicy } from "../../src/pipeline/load-policy.ts";
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

describe("a synthetic long history for the benchmark", () => {
  const history = synthesizeHistory(real, 20, 50);
  const changedIn = (k: number): string[] =>
    history[k].files.filter((file, i) => file.text !== history[k - 1].files[i].text).map((file) => file.name);

  it("is the same every time: the synthetic policy first, then a version every two months", () => {
    expect(synthesizeHistory(real, 20, 50)).toEqual(history);
    expect(history).toHaveLength(50);
    expect(history[0].files).toEqual(synthesizeSections(real, 20));
    const dates = history.map((version) => version.effectiveDate);
    expect(dates[0]).toBe("2014-04-08");
    expect([...new Set(dates)].sort()).toEqual(dates);
    expect(dates.at(-1)! < todayUtc()).toBe(true);
  });

  it("changes two sections in each later version, by one sentence, with a note on each", () => {
    for (let k = 1; k < history.length; k++) {
      const changed = changedIn(k);
      expect(changed, history[k].effectiveDate).toHaveLength(2);
      const ids = changed.map((name) => matter(history[k].files.find((f) => f.name === name)!.text).data.id);
      expect(Object.keys(history[k].changeNotes).sort()).toEqual([...ids].sort());
    }
    const counts = new Map<string, number>();
    for (let k = 1; k < history.length; k++)
      for (const name of changedIn(k)) counts.set(name, (counts.get(name) ?? 0) + 1);
    // Spread over the policy: every section changes, none in every version.
    expect(counts.size).toBe(20);
    expect(Math.max(...counts.values())).toBeLessThan(10);
  });

  it("is written as a project keeps it, every version recorded, and a release build's checks accept it", () => {
    const root = mkdtempSync(path.join(tmpdir(), "bench-history-"));
    temp.push(root);
    const { contentDir, historyDir } = writeSyntheticHistory(realContentDir, 4, 5, root);
    expect(readdirSync(historyDir)).toEqual(
      synthesizeHistory(real, 4, 5)
        .slice(0, -1)
        .map((v) => v.effectiveDate),
    );
    const checked = checkContent({ contentDir, historyDir, pathPrefix: "/", today: todayUtc() }, "release");
    expect(checked.errors).toEqual([]);
    expect(checked.notices).toEqual([]);
    expect(checked.archived).toHaveLength(4);
    expect(checked.site!.changeNotes).toEqual(synthesizeHistory(real, 4, 5).at(-1)!.changeNotes);
  });
});
