import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { npm, printedProblems } from "../helpers/npm.ts";
import { fixtureContent, hashTree, normalizeSpace, pageFile, realContentDir } from "../helpers/site.ts";

/**
 * A dated version never changes, run through the npm scripts as an editor runs them: in a git
 * repository holding a copy of the real policy, an edit under the published date is refused,
 * and each of its fixes (a new version, a correction) makes the build pass; a renamed clause id
 * is refused; a policy nothing has recorded builds with a warning but is refused for release.
 */
const root = mkdtempSync(path.join(tmpdir(), "versions-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COOKIES_SENTENCE = "Cookies are alphanumeric identifiers";

interface Project {
  contentDir: string;
  historyDir: string;
  outDir: string;
  env: Record<string, string>;
  file(name: string): string;
  edit(name: string, from: string, to: string): void;
}

/** A git repository with the real policy committed, and a last good site beside it. */
function project(name: string): Project {
  const dir = path.join(root, name);
  const contentDir = path.join(dir, "content");
  cpSync(realContentDir, contentDir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Editor", "-c", "user.email=editor@example.com", ...args], {
      cwd: dir,
      stdio: "ignore",
    });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "The policy as published");
  const outDir = path.join(dir, "dist");
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, "index.html"), "the last good site\n");
  const historyDir = path.join(dir, "history");
  const file = (file: string) => path.join(contentDir, file);
  return {
    contentDir,
    historyDir,
    outDir,
    env: { POLICY_CONTENT_DIR: contentDir, POLICY_HISTORY_DIR: historyDir, OUTPUT_DIR: outDir },
    file,
    edit: (name, from, to) => {
      const text = readFileSync(file(name), "utf8");
      expect(text).toContain(from);
      writeFileSync(file(name), text.replace(from, to));
    },
  };
}

async function refused(p: Project, args: string[] = []) {
  const before = hashTree(p.outDir);
  const result = await npm(["build", ...(args.length ? ["--", ...args] : [])], p.env);
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(hashTree(p.outDir)).toEqual(before);
  return { ...result, problems: printedProblems(result.stderr) };
}

async function built(p: Project, args: string[] = []) {
  const result = await npm(["build", ...(args.length ? ["--", ...args] : [])], p.env);
  expect(result.code, result.stderr).toBe(0);
  return { ...result, page: (sitePath: string) => load(readFileSync(pageFile(p.outDir, sitePath), "utf8")) };
}

describe("a sentence changed under its published date", () => {
  const p = project("new-version");
  const original = readFileSync(p.file("02-cookies.md"));

  it("is refused, naming the file, the line and the sentence, with the fixes", async () => {
    const line =
      original
        .toString("utf8")
        .split("\n")
        .findIndex((text) => text.startsWith(COOKIES_SENTENCE)) + 1;
    p.edit("02-cookies.md", COOKIES_SENTENCE, "Cookies are small text files");
    const { problems } = await refused(p);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/content[/\\]02-cookies\.md$/),
        line,
        problem:
          "this is not the text published on 2014-04-08: “Cookies are small text files that we transfer to your computer's hard…”",
        hint: expect.stringMatching(
          /^Published text never changes under its date\. To publish the change, give it a new date: npm run new-version -- --date YYYY-MM-DD --summary "What changed"; to fix a typo that changes no meaning, record a visible correction: npm run correct -- --note "What was corrected"; or undo the edit\.$/,
        ),
      },
    ]);
  });

  it("passes once npm run new-version archives the published text and records the new version", async () => {
    const result = await npm(
      ["new-version", "--", "--date", "2024-06-01", "--summary", "Cookies are now described as small text files."],
      p.env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Sections this version changes: cookies\. To say what changed and why, add --note "cookies=…" per section/,
    );
    expect(result.stdout).toMatch(
      /^Archived the text of 2014-04-08 \(from commit [0-9a-f]{12}\) into .*history[/\\]2014-04-08\/\.\n/m,
    );
    expect(result.stdout).toContain(
      "The policy now takes effect on 2024-06-01: “Cookies are now described as small text files.”\n",
    );
    // The archive is the text as published, byte for byte, recovered from git since content/ was edited.
    expect(readFileSync(path.join(p.historyDir, "2014-04-08", "02-cookies.md"))).toEqual(original);
    expect(JSON.parse(readFileSync(path.join(p.historyDir, "2014-04-08", "version.json"), "utf8"))).toEqual({
      effectiveDate: "2014-04-08",
      summary: "The policy as archived on 8 April 2014, the first version on this site.",
    });
    expect(JSON.parse(readFileSync(p.file("site.json"), "utf8"))).toMatchObject({
      effectiveDate: "2024-06-01",
      summary: "Cookies are now described as small text files.",
    });
    const lock = JSON.parse(readFileSync(p.file("version-lock.json"), "utf8"));
    expect(Object.keys(lock.versions)).toEqual(["2014-04-08", "2024-06-01"]);

    const site = await built(p, ["--release"]);
    expect(site.stdout.trim().split("\n").at(-1)).toMatch(
      /; HTML validated; release: every version and id recorded\) in \d+ ms\.$/,
    );
    const history = site.page("/history/");
    expect(
      history(".version h3")
        .map((_, h) => normalizeSpace(history(h).text()))
        .get(),
    ).toEqual([expect.stringMatching(/^1 June 2024 \(current\)/), expect.stringMatching(/^8 April 2014/)]);
    expect(normalizeSpace(site.page("/history/2014-04-08/")("main").text())).toContain(COOKIES_SENTENCE);
    expect(normalizeSpace(site.page("/cookies/")("main").text())).toContain("Cookies are small text files");
  });

  it("then refuses a published clause id renamed, until it is put back", async () => {
    p.edit("03-sharing.md", "{#business-transfers}", "{#transfers}");
    const { problems } = await refused(p);
    expect(problems.map((x) => x.problem)).toContain(
      "the clause id `business-transfers` was published (/sharing/#business-transfers) but this section no longer has it",
    );
    p.edit("03-sharing.md", "{#transfers}", "{#business-transfers}");
    await built(p);
  });

  it("refuses another new version with a date that is not later, as a usage error", async () => {
    const result = await npm(["new-version", "--", "--date", "2024-05-01", "--summary", "Earlier."], p.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--date 2024-05-01 is not after the current version's date, 2024-06-01\n {2}→ /);
  });
});

describe("a typo fixed under its published date", () => {
  const p = project("correction");

  it("is refused, then recorded as a visible correction with npm run correct, and shown on /history/", async () => {
    p.edit("02-cookies.md", "your Web browser", "your web browser");
    await refused(p);
    const result = await npm(["correct", "--", "--note", "Wrote “web” in lower case.", "--date", "2024-05-03"], p.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "Recorded a correction of the text of 2014-04-08, on 2024-05-03, in cookies: “Wrote “web” in lower case.”\n/history/ shows it.",
    );
    const site = await built(p);
    const history = site.page("/history/");
    expect(normalizeSpace(history(".version__corrections").text())).toBe(
      "Corrected on 3 May 2024, in What About Cookies?: Wrote “web” in lower case.",
    );
    expect(history(".version__corrections a").attr("href")).toBe("/history/2014-04-08/#cookies");
  });
});

describe("a policy whose versions nothing has recorded", () => {
  it("builds with a warning, is refused for release, and is released once npm run new-version records it", async () => {
    const contentDir = fixtureContent("links-that-land");
    const env = { POLICY_CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(root, "unrecorded", "dist") };
    try {
      const everyday = await npm(["build"], env);
      expect(everyday.code, everyday.stderr).toBe(0);
      const warning =
        /version-lock\.json: the version of 2014-04-08 \(.*\) is not recorded, and neither are its ids \/cookies\/, \/cookies\/#refusing, \/sharing\/ and 1 more, so a release build refuses it\n {2}→ Once its text is final, record it: npm run new-version -- --date 2014-04-08/;
      expect(everyday.stderr).toMatch(new RegExp(`Warning: .*${warning.source}`));
      const release = await npm(["build", "--", "--release"], env);
      expect(release.code).toBe(1);
      expect(release.stderr).toMatch(new RegExp(`Build failed: 1 problem in the content:\\n.*${warning.source}`));
      const recorded = await npm(["new-version", "--", "--date", "2014-04-08"], env);
      expect(recorded.code, recorded.stderr).toBe(0);
      expect(recorded.stdout).toMatch(/^Recorded the version of 2014-04-08 in .*version-lock\.json, as they are now\./);
      const again = await npm(["build", "--", "--release"], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toContain("Warning");
      expect(existsSync(path.join(contentDir, "version-lock.json"))).toBe(true);
      expect(readdirSync(contentDir)).not.toContain("history");
    } finally {
      rmSync(contentDir, { recursive: true, force: true });
    }
  });
});
