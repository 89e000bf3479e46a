import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { npm, printedProblems } from "../helpers/npm.ts";
import { fixtureContent, hashTree, normalizeSpace, pageFile } from "../helpers/site.ts";

/**
 * Bad content run through the real `npm run build`, as an author runs it: every problem of the
 * fixture in one run, at its file and line, exit 1, and the last good site byte for byte as it
 * was; then the fixes the messages suggest, applied as written, and the build passes with every
 * word on the page.
 */
const root = mkdtempSync(path.join(tmpdir(), "nothing-lost-"));
const copies: string[] = [];
afterAll(() => {
  for (const dir of [root, ...copies]) rmSync(dir, { recursive: true, force: true });
});

/** A last good site in its own folder: a failed build must leave it, and nothing beside it. */
function lastGoodSite(name: string): string {
  const outDir = path.join(root, name, "dist");
  mkdirSync(path.join(outDir, "cookies"), { recursive: true });
  writeFileSync(path.join(outDir, "index.html"), "the last good site\n");
  writeFileSync(path.join(outDir, "cookies", "index.html"), "its cookies page\n");
  return outDir;
}

function fixture(name: string): string {
  const dir = fixtureContent(name);
  copies.push(dir);
  return dir;
}

/** Runs `npm run build` on a content folder and checks it refused without touching the last good site. */
async function refusedBuild(contentDir: string, outDir: string) {
  const before = hashTree(outDir);
  const result = await npm(["build"], { POLICY_CONTENT_DIR: contentDir, OUTPUT_DIR: outDir });
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stderr).toContain("The previous site (if any) was left as it was.");
  expect(hashTree(outDir)).toEqual(before);
  expect(readdirSync(path.dirname(outDir))).toEqual(["dist"]);
  return { ...result, problems: printedProblems(result.stderr).map((p) => ({ ...p, file: path.basename(p.file) })) };
}

async function passingBuild(contentDir: string, outDir: string) {
  const result = await npm(["build"], { POLICY_CONTENT_DIR: contentDir, OUTPUT_DIR: outDir });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.trim().split("\n").at(-1)).toMatch(/^Built .* \(\d+ pages searchable; HTML not validated/);
  return { ...result, page: (sitePath: string) => load(readFileSync(pageFile(outDir, sitePath), "utf8")) };
}

/** Replaces file lines `from`..`to` (1-based) with `text`. */
function replaceLines(file: string, from: number, to: number, text: string[]): void {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.splice(from - 1, to - from + 1, ...text);
  writeFileSync(file, lines.join("\n"));
}

/** The line a message tells the author to write: `title: "…"`, `description: "…"` or `- "…"`. */
const suggestedLine = (hint: string): string | undefined =>
  /`((?:[A-Za-z]+: |- )(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'))`/.exec(hint)?.[1];

describe("front matter that would lose or alter text", () => {
  it("is refused, every problem at once and at its line, and the fixes the messages give make the build pass", async () => {
    const contentDir = fixture("front-matter-that-would-lose-text");
    const outDir = lastGoodSite("front-matter");
    const refused = await refusedBuild(contentDir, outDir);
    expect(refused.stderr).toContain("Build failed: 7 problems in the content:");
    expect(refused.problems.map((p) => [`${p.file}:${p.line}`, p.problem])).toEqual([
      [
        "01-comment-in-title.md:4",
        "`#1 and You` after a value starts a YAML comment, so it would be left out of the page",
      ],
      [
        "02-comment-in-description.md:5",
        "`# and for how long` after a value starts a YAML comment, so it would be left out of the page",
      ],
      [
        "03-colon-in-title.md:4",
        "the value `Cookies: What They Are` contains “:” followed by a space, which YAML reads as the start of another key",
      ],
      [
        "04-anchor-in-title.md:4",
        "the value `&Co Privacy` starts with `&`, which YAML reads as an anchor name, and drops it from the text",
      ],
      [
        "05-comment-line-in-title.md:5",
        "`#2 of 3` indented inside a value starts a YAML comment, so it would be left out of the page",
      ],
      ["06-title-given-twice.md:5", "`title` is given twice (also on line 4)"],
      ["07-tab-before-a-key.md:5", "a tab indents this line"],
    ]);
    expect(refused.problems[0].hint).toContain('`title: "Cookies #1 and You"`');

    for (const { file, line, hint } of refused.problems) {
      const full = path.join(contentDir, file);
      const suggestion = suggestedLine(hint);
      if (suggestion) {
        // The suggested line replaces the value from its key down to the reported line.
        const lines = readFileSync(full, "utf8").split("\n");
        const key = suggestion.slice(0, suggestion.indexOf(":") + 1);
        let from = line!;
        while (!lines[from - 1].startsWith(key)) from--;
        replaceLines(full, from, line!, [suggestion]);
      } else if (/keep the one you mean and delete the other/.test(hint)) replaceLines(full, line!, line!, []);
      else if (/replace the tab with spaces/.test(hint))
        replaceLines(full, line!, line!, [readFileSync(full, "utf8").split("\n")[line! - 1].replace("\t", "")]);
      else throw new Error(`no fix applied for ${file}:${line}: ${hint}`);
    }

    const built = await passingBuild(contentDir, outDir);
    // The title's words, without the section's number the layout puts before them.
    const h1 = (sitePath: string) =>
      normalizeSpace(built.page(sitePath)("h1").clone().find(".clause-number").remove().end().text());
    expect(h1("/cookies-and-you/")).toBe("Cookies #1 and You");
    expect(built.page("/what-we-keep/")("meta[name=description]").attr("content")).toBe(
      "What we keep # and for how long",
    );
    expect(h1("/cookies-explained/")).toBe("Cookies: What They Are");
    expect(h1("/and-co/")).toBe("&Co Privacy");
    expect(h1("/sharing/")).toBe("Sharing #2 of 3");
    expect(h1("/security/")).toBe("How We Protect It");
    expect(built.page("/access/")("meta[name=description]").attr("content")).toBe("What you can see and change.");
    expect(h1("/year/")).toBe("1984");
    expect(h1("/choices/")).toBe("Your Choices and Rights");
  });
});

describe("files the build would not read", () => {
  it("are each named with what to do, and once renamed, moved or deleted as told, every section is built and the draft is skipped out loud", async () => {
    const contentDir = fixture("files-the-build-would-not-read");
    // Written here rather than committed: a global gitignore often leaves these out of a commit.
    writeFileSync(
      path.join(contentDir, "01-cookies.md~"),
      "---\nid: cookies\norder: 1\ntitle: Old\n---\n\nAn older copy.\n",
    );
    writeFileSync(path.join(contentDir, ".DS_Store"), "");
    const outDir = lastGoodSite("files");
    const refused = await refusedBuild(contentDir, outDir);
    expect(refused.stderr).toContain("Build failed: 6 problems in the content:");
    expect(refused.problems.map((p) => [p.file, p.problem])).toEqual([
      ["01-cookies.md~", "an editor's backup copy is never read"],
      ["02-sharing.MD", "only files ending in `.md` are read as sections, so this one is not"],
      ["03-security.markdown", "only files ending in `.md` are read as sections, so this one is not"],
      ["04-access.md.txt", "only files ending in `.md` are read as sections, so this one is not"],
      ["05-choices", "a file without an extension is never read"],
      ["old", "a folder here is never read: sections are the files directly in this folder"],
    ]);

    for (const { file, hint } of refused.problems) {
      const full = path.join(contentDir, file);
      const rename = /rename it to `([^`]+)`/.exec(hint)?.[1];
      if (file === "old") {
        expect(hint).toMatch(/^Move its sections up into /);
        for (const name of readdirSync(full)) renameSync(path.join(full, name), path.join(contentDir, name));
        rmSync(full, { recursive: true });
      } else if (hint.startsWith("Delete it")) rmSync(full);
      else if (rename) renameSync(full, path.join(contentDir, rename));
      else throw new Error(`no fix applied for ${file}: ${hint}`);
    }

    const built = await passingBuild(contentDir, outDir);
    for (const id of ["cookies", "sharing", "security", "access", "choices", "terms"]) {
      expect(built.page(`/${id}/`)("h1").text().length, id).toBeGreaterThan(0);
    }
    expect(readdirSync(outDir)).not.toContain("children");
    expect(built.stderr).toMatch(
      /_07-children\.md: skipped: a draft \(its name starts with “_”\)\n {2}→ Remove the “_” from its name to publish it\./,
    );
  });
});

describe("several broken files", () => {
  it("are all reported by one build, sorted by file and line, and pass once each is fixed as told", async () => {
    const contentDir = fixture("three-broken-files");
    const outDir = lastGoodSite("three");
    const refused = await refusedBuild(contentDir, outDir);
    expect(refused.stderr).toContain("Build failed: 3 problems in the content:");
    expect(refused.problems.map((p) => [`${p.file}:${p.line}`, p.problem, p.hint])).toEqual([
      ["01-cookies.md:4", "unknown key `titel`", expect.stringMatching(/^Did you mean `title`\?/)],
      ["02-sharing.md:7", "a level-1 heading (`# …`) is not allowed in a section", expect.stringMatching(/title/)],
      [
        "03-security.md:7",
        "the link `/encryption/` points to a section `encryption` that does not exist",
        expect.stringMatching(/Section ids are/),
      ],
    ]);
    replaceLines(path.join(contentDir, "01-cookies.md"), 4, 4, ["title: What About Cookies?"]);
    replaceLines(path.join(contentDir, "02-sharing.md"), 7, 8, []);
    replaceLines(path.join(contentDir, "03-security.md"), 7, 7, ["We encrypt it. See [how](/sharing/)."]);
    await passingBuild(contentDir, outDir);
  });

  it("are listed up to 25, then counted", async () => {
    const contentDir = fixture("three-broken-files");
    for (let i = 10; i < 40; i++)
      writeFileSync(path.join(contentDir, `${i}-x.md`), `---\nid: Bad ${i}\norder: ${i}\ntitle: X\n---\n\nText.\n`);
    const refused = await refusedBuild(contentDir, lastGoodSite("many"));
    expect(refused.stderr).toContain("Build failed: 32 problems in the content:");
    expect(refused.problems).toHaveLength(25);
    expect(refused.stderr).toContain("… and 7 more.");
  });
});

describe("a new section's placeholder", () => {
  it("is refused until it is replaced", async () => {
    const contentDir = fixture("links-that-land");
    const created = await npm(["new-section", "--", "Children's Privacy", "--content-dir", contentDir]);
    expect(created.code, created.stderr).toBe(0);
    const outDir = lastGoodSite("placeholder");
    const refused = await refusedBuild(contentDir, outDir);
    expect(refused.problems.map((p) => [`${p.file}:${p.line}`, p.problem, p.hint])).toEqual([
      [
        "03-childrens-privacy.md:7",
        "the placeholder “Write the text of this section here.” is still here",
        "Replace it with the section's text: a placeholder is never published as policy text.",
      ],
    ]);
    replaceLines(path.join(contentDir, "03-childrens-privacy.md"), 7, 7, [
      "We do not knowingly collect information from children.",
    ]);
    const built = await passingBuild(contentDir, outDir);
    expect(normalizeSpace(built.page("/childrens-privacy/")("main").text())).toContain(
      "We do not knowingly collect information from children.",
    );
  });
});
