import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { npm } from "../helpers/npm.ts";
import { fixtureContent, fixtureHistory } from "../helpers/site.ts";

const root = mkdtempSync(path.join(tmpdir(), "check-and-start-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The `file:line: problem → fix` lines of a failure, without the command's own words around them. */
const problemLines = (stderr: string, label: string): string[] =>
  stderr
    .split("\n")
    .map((line) => line.replace(`${label} `, ""))
    .filter((line) => /^(Warning: )?\S+:\d*:? |^ {2}→ /.test(line));

describe("npm run check", () => {
  it("checks the real policy and its history, and says so", async () => {
    const result = await npm(["check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Checked content \(7 sections\) and history \(0 earlier versions\) in \d+ ms: no problems\.$/m,
    );
  });

  it("reads the history folder it is given, warns as the build does, and refuses with -- --release as the deploy's build does", async () => {
    const contentDir = fixtureContent("revisions");
    const outDir = path.join(root, "built-revisions");
    try {
      const env = {
        POLICY_CONTENT_DIR: contentDir,
        POLICY_HISTORY_DIR: fixtureHistory("revisions"),
        OUTPUT_DIR: outDir,
      };
      const [check, build] = await Promise.all([npm(["check"], env), npm(["build"], env)]);
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/ \(3 sections\) and .+ \(2 earlier versions\) in \d+ ms: no problems\.$/m);
      expect(problemLines(check.stderr, "")).toEqual(problemLines(build.stderr, ""));
      expect(check.stderr).toMatch(/^Warning: .*version-lock\.json: the version of 2016-01-10 .* is not recorded/m);
      const [strictCheck, release] = await Promise.all([
        npm(["check", "--", "--release"], env),
        npm(["build", "--", "--release"], env),
      ]);
      expect([strictCheck.code, release.code]).toEqual([1, 1]);
      expect(problemLines(strictCheck.stderr, "Check failed:")).toEqual(problemLines(release.stderr, "Build failed:"));
      expect(problemLines(strictCheck.stderr, "Check failed:").length).toBeGreaterThanOrEqual(6);
    } finally {
      rmSync(contentDir, { recursive: true, force: true });
    }
  });

  it.each(["javascript-link", "broken-yaml", "three-broken-files"])(
    "stops on %s with the build's own lines and exit code, and builds nothing",
    async (fixture) => {
      const contentDir = fixtureContent(fixture);
      const outDir = path.join(root, `never-built-${fixture}`);
      try {
        const env = { POLICY_CONTENT_DIR: contentDir, OUTPUT_DIR: outDir };
        const [check, build] = await Promise.all([npm(["check"], env), npm(["build"], env)]);
        expect([check.code, build.code]).toEqual([1, 1]);
        expect(check.stderr).toMatch(/^Check failed: /m);
        expect(problemLines(check.stderr, "Check failed:")).toEqual(problemLines(build.stderr, "Build failed:"));
        expect(problemLines(check.stderr, "Check failed:").length).toBeGreaterThanOrEqual(2);
        expect(check.stderr).not.toMatch(/^\s+at /m);
        expect(readdirSync(root)).not.toContain(`never-built-${fixture}`);
      } finally {
        rmSync(contentDir, { recursive: true, force: true });
      }
    },
  );

  it("prints its usage for --help, and refuses an unknown flag with exit code 2", async () => {
    const help = await npm(["check", "--", "--help"]);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining("Usage: npm run check")]);
    const wrong = await npm(["check", "--", "--fix"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--fix'");
  });
});

describe("npm start's options", () => {
  it("refuses a flag, which npm start has none of, and prints its usage for --help", async () => {
    const flag = await npm(["start", "--", "--port", "8081"], { OUTPUT_DIR: path.join(root, "never-served") });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--port'");
    expect(flag.stderr).toContain("Usage: PORT=8080 npm start");
    const help = await npm(["start", "--", "--help"]);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining("Environment: PORT (0 picks a free one)")]);
    expect(readdirSync(root)).not.toContain("never-served");
  });
});
