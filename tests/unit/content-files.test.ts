import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classifyEntry } from "../../src/content/content-files.ts";
import { CONTENT_FOLDER, contentFolderRules } from "../../src/content/read-policy.ts";
import { readContentFolder } from "../../src/content/read-sections.ts";

const content = CONTENT_FOLDER("content/");
const archive = { shown: "history/2014-04-08/", dataFiles: ["version.json"], drafts: false };

describe("every entry of the content folder is accounted for", () => {
  it.each([
    ["02-cookies.md", "section"],
    ["a name with spaces.md", "section"],
    ["site.json", "data"],
    ["version-lock.json", "data"],
    ["_02-cookies.md", "draft"],
    ["_notes.txt", "draft"],
    [".DS_Store", "ignored"],
    [".gitkeep", "ignored"],
    [".02-cookies.md.swp", "ignored"],
    [".#02-cookies.md", "ignored"],
    ["#02-cookies.md#", "ignored"],
    ["Thumbs.db", "ignored"],
  ])("%s is a %s", (name, kind) => {
    expect(classifyEntry(name, false, content).kind).toBe(kind);
  });

  it.each([
    ["02-cookies.MD", /only files ending in `\.md` are read as sections/, /rename it to `02-cookies\.md`/],
    ["02-cookies.Md", /only files ending in `\.md`/, /rename it to `02-cookies\.md`/],
    ["02-cookies.markdown", /only files ending in `\.md`/, /rename it to `02-cookies\.md`/],
    ["02-cookies.md.txt", /only files ending in `\.md`/, /rename it to `02-cookies\.md`/],
    ["02-cookies.txt", /only files ending in `\.md`/, /rename it to `02-cookies\.md`/],
    ["02-cookies", /a file without an extension is never read/, /rename it to `02-cookies\.md`/],
    ["02-cookies.md~", /an editor's backup copy is never read/, /Delete it/],
    ["02-cookies.md.bak", /an editor's backup copy/, /Delete it/],
    ["02-cookies.md.orig", /an editor's backup copy/, /Delete it/],
    [".02-cookies.md", /a hidden file is never read/, /rename it to `02-cookies\.md`/],
    [".md", /a hidden file is never read/, /rename it to `08-section\.md`/],
    ["cookies.docx", /a `\.docx` file is not a section or a data file/, /move anything else out of content\//],
    ["notes.json", /a `\.json` file is not a section or a data file/, /move anything else out of content\//],
    [
      "published-ids.json",
      /this data file is no longer read/,
      /now recorded in version-lock\.json: delete published-ids\.json/,
    ],
  ])("%s is a problem, with what to do", (name, problem, hint) => {
    const entry = classifyEntry(name, false, content);
    expect(entry.kind).toBe("problem");
    expect(entry.kind === "problem" && entry.problem).toMatch(problem);
    expect(entry.kind === "problem" && entry.hint).toMatch(hint);
  });

  it("refuses a folder, and says how to keep drafts in one", () => {
    const entry = classifyEntry("drafts", true, content);
    expect(entry).toMatchObject({ kind: "problem", problem: expect.stringMatching(/a folder here is never read/) });
    expect(entry.kind === "problem" && entry.hint).toMatch(/rename it `_drafts`/);
    expect(classifyEntry("_drafts", true, content).kind).toBe("draft");
  });

  it("has no drafts in an archived version (every .md file is read), and knows its version.json", () => {
    expect(classifyEntry("_02-cookies.md", false, archive).kind).toBe("section");
    expect(classifyEntry("_notes.txt", false, archive).kind).toBe("problem");
    expect(classifyEntry("version.json", false, archive).kind).toBe("data");
    expect(classifyEntry("site.json", false, archive).kind).toBe("problem");
  });
});

describe("reading a content folder", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "content-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads its sections, skips and names its drafts, and reports every other file at once", () => {
    const section = (id: string) => `---\nid: ${id}\norder: ${id.length}\ntitle: ${id}\n---\n\nText.\n`;
    writeFileSync(path.join(dir, "01-a.md"), section("a"));
    writeFileSync(path.join(dir, "_02-bb.md"), section("bb"));
    writeFileSync(path.join(dir, "03-ccc.MD"), section("ccc"));
    writeFileSync(path.join(dir, "README"), "About.\n");
    mkdirSync(path.join(dir, "old"));
    writeFileSync(path.join(dir, ".DS_Store"), "");
    const read = readContentFolder(dir, content, dir);
    expect(read.sections.map((s) => s.id)).toEqual(["a"]);
    expect(read.notices.map((n) => [n.file, n.message])).toEqual([
      ["_02-bb.md", expect.stringMatching(/^skipped: a draft/)],
    ]);
    expect(read.problems.map((p) => `${p.file}: ${p.problem}`)).toEqual([
      expect.stringMatching(/^03-ccc\.MD: only files ending in `\.md`/),
      expect.stringMatching(/^README: a file without an extension/),
      expect.stringMatching(/^old: a folder here is never read/),
    ]);
  });
});

describe("the logo beside site.json", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "logo-rules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a data file when site.json names it, and an unread file when it does not", () => {
    writeFileSync(path.join(dir, "site.json"), JSON.stringify({ brand: { accent: "#005ea5", logo: "mark.svg" } }));
    const rules = contentFolderRules(dir, "content/");
    expect(classifyEntry("mark.svg", false, rules).kind).toBe("data");
    expect(classifyEntry("other.svg", false, rules).kind).toBe("problem");
    writeFileSync(path.join(dir, "site.json"), "{ not json");
    expect(classifyEntry("mark.svg", false, contentFolderRules(dir, "content/")).kind).toBe("problem");
  });
});
