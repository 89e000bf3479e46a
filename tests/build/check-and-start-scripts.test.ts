import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { fixtureContent, fixtureHistory } from "../helpers/site.ts";

const root = mkdtempSync(path.join(tmpdir(), "check-and-start-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs an npm script as an editor would, resolving with its exit code and output. */
async function npm(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)("npm", ["run", "--silent", ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The `file:line: problem → fix` lines of a failure, without the command's own words around them. */
const problemLines = (stderr: string, label: string): string[] =>
  stderr
    .split("\n")
    .map((line) => line.replace(`${label} `, ""))
    .filter((line) => /^\S+:\d*:? |^ {2}→ /.test(line));

describe("npm run check", () => {
  it("checks the real policy and its history, and says so", async () => {
    const result = await npm(["check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Checked content \(7 sections\) and history \(0 earlier versions\) in \d+ ms: no problems\.$/m,
    );
  });

  it("reads the history folder it is given", async () => {
    const result = await npm(["check"], {
      POLICY_CONTENT_DIR: fixtureContent("revisions"),
      POLICY_HISTORY_DIR: fixtureHistory("revisions"),
    });
    expect(result.stdout).toMatch(/ \(3 sections\) and .+ \(2 earlier versions\) /);
  });

  it.each(["javascript-link", "broken-yaml", "removed-section-id"])(
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
  it("refuses a PORT that is not a port, with exit code 2, before building anything", async () => {
    const outDir = path.join(root, "never-served");
    const result = await npm(["start"], { PORT: "eighty", OUTPUT_DIR: outDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT "eighty" is not a port number\n  → Give a whole number from 1 to 65535');
    expect(readdirSync(root)).not.toContain("never-served");
  });

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
