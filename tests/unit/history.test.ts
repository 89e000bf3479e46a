import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readArchivedVersions } from "../../src/history/read-versions.ts";
import { sortProblems } from "../../src/lib/problems.ts";
import { loadPolicyData } from "../../src/pipeline/load-policy.ts";
import { fixturesDir, realContentDir } from "../helpers/site.ts";

const fixture = path.join(fixturesDir, "revisions");
const fixtureHistory = path.join(fixture, "history");
const temps: string[] = [];
const loadHistory = (contentDir: string, historyDir: string) =>
  loadPolicyData({ contentDir, historyDir, pathPrefix: "/", today: "2030-01-01" }).history;
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The problems found in a history folder, as printed, in the order a build lists them. */
const messages = (dir: string): string[] => sortProblems(readArchivedVersions(dir, dir).problems).map((p) => p.message);

/** A copy of the fixture history to break on purpose. */
function historyCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "history-"));
  temps.push(dir);
  cpSync(fixtureHistory, dir, { recursive: true });
  return dir;
}

describe("reading the history folder", () => {
  it("reads each version folder, oldest first, with its date, summary and sections", () => {
    const { versions, problems } = readArchivedVersions(fixtureHistory);
    expect(problems).toEqual([]);
    expect(versions.map((v) => [v.effectiveDate, v.sections.length])).toEqual([
      ["2016-01-10", 3],
      ["2018-05-25", 4],
    ]);
    expect(versions[0].summary).toBe("The first published version.");
  });

  it("means no earlier versions when there is no history folder", () => {
    expect(readArchivedVersions(path.join(fixture, "no-such-folder"))).toEqual({ versions: [], problems: [] });
  });

  it("refuses a version folder not named after a date, naming the folder", () => {
    const dir = historyCopy();
    cpSync(path.join(dir, "2016-01-10"), path.join(dir, "2016-13-01"), { recursive: true });
    expect(messages(dir)).toEqual([
      expect.stringMatching(/^2016-13-01: the folder name is not a date\n {2}→ Name each archived version's folder/),
    ]);
  });

  it("refuses a version.json whose date is not its folder's", () => {
    const dir = historyCopy();
    writeFileSync(
      path.join(dir, "2016-01-10", "version.json"),
      JSON.stringify({ effectiveDate: "2016-01-11", summary: "x" }),
    );
    expect(messages(dir)).toEqual([
      expect.stringMatching(
        /^2016-01-10\/version\.json: the effectiveDate 2016-01-11 differs from the folder name 2016-01-10/,
      ),
    ]);
  });

  it("refuses a version.json without a summary or with an unknown key", () => {
    const dir = historyCopy();
    writeFileSync(
      path.join(dir, "2018-05-25", "version.json"),
      JSON.stringify({ effectiveDate: "2018-05-25", sumary: "typo" }),
    );
    expect(messages(dir)).toEqual([
      expect.stringMatching(
        /2018-05-25\/version\.json: invalid version data:\n {2}- `summary`: .*\n {2}- `file`: Unrecognized key: "sumary"/,
      ),
    ]);
  });

  it("checks an archived version's sections like the current ones, naming the file", () => {
    const dir = historyCopy();
    writeFileSync(path.join(dir, "2016-01-10", "09-bad.md"), "---\nid: Bad Id\norder: 9\ntitle: Bad\n---\n\nText.\n");
    expect(messages(dir)).toEqual([expect.stringMatching(/^2016-01-10\/09-bad\.md:2: `id` must be lowercase letters/)]);
  });

  it("reports every problem of every version at once, and anything that is not a version folder", () => {
    const dir = historyCopy();
    writeFileSync(path.join(dir, "2016-01-10", "09-bad.md"), "---\nid: Bad Id\norder: 9\ntitle: Bad\n---\n\nText.\n");
    writeFileSync(path.join(dir, "2018-05-25", "notes.txt"), "Notes.\n");
    writeFileSync(path.join(dir, "README.md"), "About the history.\n");
    writeFileSync(path.join(dir, ".DS_Store"), "");
    expect(messages(dir)).toEqual([
      expect.stringMatching(/^2016-01-10\/09-bad\.md:2: `id` must be/),
      expect.stringMatching(/^2018-05-25\/notes\.txt: only files ending in `\.md` are read as sections/),
      expect.stringMatching(/^README\.md: history\/ holds only one folder per earlier version/),
    ]);
  });

  it("refuses an archived version that is not older than the current one", () => {
    const dir = historyCopy();
    cpSync(path.join(dir, "2018-05-25"), path.join(dir, "2020-07-01"), { recursive: true });
    writeFileSync(
      path.join(dir, "2020-07-01", "version.json"),
      JSON.stringify({ effectiveDate: "2020-07-01", summary: "x" }),
    );
    expect(() => loadHistory(path.join(fixture, "content"), dir)).toThrow(
      /2020-07-01: this archived version is not older than the current one/,
    );
  });
});

describe("the history of the fixture policy", () => {
  const history = loadHistory(path.join(fixture, "content"), fixtureHistory);

  it("lists every version newest first, the current one first, each linked to its neighbours", () => {
    expect(
      history.versions.map((v) => [
        v.effectiveDate,
        v.current,
        v.previous?.effectiveDate ?? null,
        v.next?.effectiveDate ?? null,
      ]),
    ).toEqual([
      ["2020-07-01", true, "2018-05-25", null],
      ["2018-05-25", false, "2016-01-10", "2020-07-01"],
      ["2016-01-10", false, null, "2018-05-25"],
    ]);
    expect(history.current.url).toBe("/history/2020-07-01/");
    expect(history.current.changesUrl).toBe("/history/2020-07-01/changes/");
    expect(history.compared.map((v) => v.effectiveDate)).toEqual(["2020-07-01", "2018-05-25"]);
    expect(history.current.date.toISOString()).toBe("2020-07-01T00:00:00.000Z");
  });

  it("says which sections each version added, removed and changed", () => {
    const ids = (refs: Array<{ id: string }>) => refs.map((r) => r.id);
    expect(history.versions.map((v) => [ids(v.added), ids(v.removed), ids(v.changed), ids(v.unchanged)])).toEqual([
      [[], ["cookies"], ["sharing", "your-rights"], ["what-we-collect"]],
      [["your-rights"], [], ["what-we-collect", "sharing"], ["cookies"]],
      [["what-we-collect", "cookies", "sharing"], [], [], []],
    ]);
  });

  it("keeps each section's own history, newest first, removed sections last", () => {
    expect(
      history.sections.map((s) => [s.id, s.inCurrent, s.events.map((e) => `${e.version.effectiveDate} ${e.change}`)]),
    ).toEqual([
      ["what-we-collect", true, ["2018-05-25 changed", "2016-01-10 added"]],
      ["sharing", true, ["2020-07-01 changed", "2018-05-25 changed", "2016-01-10 added"]],
      ["your-rights", true, ["2020-07-01 changed", "2018-05-25 added"]],
      ["cookies", false, ["2020-07-01 removed", "2016-01-10 added"]],
    ]);
  });
});

describe("the current version in the history", () => {
  it("is the policy the site renders, not a second rendering of it", () => {
    const data = loadPolicyData({
      contentDir: path.join(fixture, "content"),
      historyDir: fixtureHistory,
      pathPrefix: "/",
      today: "2030-01-01",
    });
    expect(data.history.current.policy).toBe(data.policy);
  });
});

describe("the history of the real policy", () => {
  it("is one version, current, dated 8 April 2014, whose sections all began then", () => {
    const history = loadHistory(realContentDir, path.join(realContentDir, "no-history-here"));
    expect(history.versions.map((v) => [v.effectiveDate, v.current, v.url])).toEqual([
      ["2014-04-08", true, "/history/2014-04-08/"],
    ]);
    expect(history.current.added).toHaveLength(7);
    expect(history.compared).toEqual([]);
  });
});
