import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { npm } from "../helpers/npm.ts";
import { fixtureContent, fixtureHistory, normalizeSpace, pageFile } from "../helpers/site.ts";

/** Every documented environment variable and flag, run through its npm script as a user runs it. */
const root = mkdtempSync(path.join(tmpdir(), "options-"));
const revisions = fixtureContent("revisions");
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(revisions, { recursive: true, force: true });
});

const lastLine = (text: string): string => text.trim().split("\n").at(-1)!;

describe("npm run build", () => {
  it("builds the content of POLICY_CONTENT_DIR and the history of POLICY_HISTORY_DIR into OUTPUT_DIR, for SITE_URL under PATH_PREFIX, as on the day POLICY_TODAY", async () => {
    const outDir = path.join(root, "built");
    const result = await npm(["build", "--", "--validate-html"], {
      POLICY_CONTENT_DIR: revisions,
      POLICY_HISTORY_DIR: fixtureHistory("revisions"),
      OUTPUT_DIR: outDir,
      SITE_URL: "https://policy.example.org",
      PATH_PREFIX: "/privacy/",
      // Between the second version and the third: the third is announced, not yet in force.
      POLICY_TODAY: "2019-01-01",
    });
    expect(result.code, result.stderr).toBe(0);
    // The four sections of the version in force, and the one earlier version for "include earlier versions".
    expect(lastLine(result.stdout)).toMatch(/^Built .*built \(5 pages searchable; HTML validated\) in \d+ ms\.$/);
    const page = (sitePath: string) => load(readFileSync(pageFile(outDir, sitePath), "utf8"));
    expect(page("/your-rights/")("link[rel=canonical]").attr("href")).toBe(
      "https://policy.example.org/privacy/your-rights/",
    );
    expect(page("/")("link[rel=stylesheet]").attr("href")).toMatch(/^\/privacy\/assets\//);
    expect(
      page("/history/")(".version h3")
        .map((_, h) => normalizeSpace(page("/history/")(h).text()))
        .get(),
    ).toEqual([
      expect.stringMatching(/^1 July 2020 \(announced, not in force yet\)/),
      expect.stringMatching(/^25 May 2018 \(current\)/),
      expect.stringMatching(/^10 January 2016(?! \()/),
    ]);
  });

  it.concurrent.each([
    [
      { SITE_URL: "example.com" },
      /^SITE_URL "example\.com" is not an absolute URL\n {2}→ Give the origin with its scheme, e\.g\. https:\/\/example\.com\n$/,
    ],
    [
      { SITE_URL: "https://example.com/privacy/" },
      /^SITE_URL "https:\/\/example\.com\/privacy\/" is not an http\(s\) origin\n {2}→ .*PATH_PREFIX/,
    ],
    [{ PATH_PREFIX: "/my policy/" }, /^PATH_PREFIX "\/my policy\/" is not a URL path\n {2}→ Use letters, digits/],
    [
      { POLICY_TODAY: "2027-02-30" },
      /^POLICY_TODAY "2027-02-30" is not a date written YYYY-MM-DD\n {2}→ Give the day the build should treat as today/,
    ],
  ])("refuses %j with the fix, exit 2 and no stack trace, before building", async (env, message) => {
    const outDir = path.join(root, "never");
    const result = await npm(["build"], { ...env, OUTPUT_DIR: outDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(outDir)).toBe(false);
  });

  it("names a POLICY_CONTENT_DIR that does not exist, exit 1 and no stack trace", async () => {
    const result = await npm(["build"], {
      POLICY_CONTENT_DIR: path.join(root, "no-such-folder"),
      OUTPUT_DIR: path.join(root, "never"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /no-such-folder: the folder of the policy's sections does not exist\n {2}→ Create it, or point POLICY_CONTENT_DIR at the policy's folder\./,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.concurrent.each(["validate-html", "release"])(
    "refuses --%s written before `--`, where npm would keep it",
    async (flag) => {
      const result = await npm(["build", `--${flag}`], { OUTPUT_DIR: path.join(root, "never") });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `--${flag} was given to npm, not to the build\n  → Put \`--\` before the build's own flags: npm run build -- --${flag}\n`,
      );
    },
  );

  it("prints its usage with --help", async () => {
    const result = await npm(["build", "--", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: npm run build \[-- \[--release \| --validate-html\] \[--pdf\]\]\n {2}--release .*\n {2}--validate-html .*\n {2}--pdf [\s\S]*\n {2}--help/,
    );
  });
});

// Each of these stops before building, so they run side by side.
describe.concurrent("npm run new-version and npm run correct", () => {
  it.each([
    [
      ["new-version"],
      /^--date is missing\n {2}→ Usage: npm run new-version -- --date YYYY-MM-DD --summary "What changed"/,
    ],
    [["new-version", "--", "--date", "2024-06-01"], /--summary is missing\n {2}→ Say in one line what changed/],
    [
      ["new-version", "--", "--date", "1 June 2024", "--summary", "x"],
      /^--date 1 June 2024 must be a date written YYYY-MM-DD\n/,
    ],
    [
      ["new-version", "--", "--date", "2001-01-01", "--summary", "x"],
      /^--date 2001-01-01 is not after the current version's date, 2014-04-08\n {2}→ A new version takes effect after/,
    ],
    [["correct"], /^--note is missing\n {2}→ Usage: npm run correct -- --note "What was corrected"/],
  ])("npm run %j is a usage error: exit 2, the problem and the fix", async (args, message) => {
    const result = await npm(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([["new-version"], ["correct"]])("npm run %s -- --help prints its usage", async (script) => {
    const result = await npm([script, "--", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ${script} -- `));
  });
});

describe("npm run bench", () => {
  it("prints its usage with --help and measures nothing", async () => {
    const result = await npm(["bench", "--", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^npm run bench -- \[options\]\n[\s\S]*--history-only[\s\S]*--help/);
    expect(result.stderr).toBe("");
  });
});

describe("npm run nginx-config", () => {
  it("writes the config for PATH_PREFIX and SITE_URL", async () => {
    const result = await npm(["nginx-config"], { PATH_PREFIX: "/privacy/", SITE_URL: "https://policy.example.org" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Made for PATH_PREFIX=/privacy/ SITE_URL=https://policy.example.org.");
  });
});

/** A port nothing listens on, from the system. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

describe("npm start", () => {
  it("refuses a PORT that is not a port number", async () => {
    const result = await npm(["start"], { PORT: "eighty" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^PORT "eighty" is not a port number\n {2}→ Give a whole number from 1 to 65535/);
  });

  it("serves OUTPUT_DIR on PORT, built from POLICY_CONTENT_DIR, and warns what a release would refuse", async () => {
    const port = await freePort();
    const child = spawn("npm", ["start"], {
      cwd: projectRoot,
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        POLICY_CONTENT_DIR: revisions,
        POLICY_HISTORY_DIR: fixtureHistory("revisions"),
        OUTPUT_DIR: path.join(root, "served"),
      },
    });
    let output = "";
    try {
      await new Promise<void>((ready, failed) => {
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          if (/^Build failed/m.test(output)) failed(new Error(`npm start could not build:\n${output}`));
          if (output.includes(`localhost:${port}`) && /^Built /m.test(output)) ready();
        };
        child.stdout.on("data", read);
        child.stderr.on("data", read);
        child.once("exit", (code) => failed(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      const response = await fetch(`http://localhost:${port}/your-rights/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Your Rights");
      expect(output).toMatch(/Warning: .*version-lock\.json: the version of 2020-07-01 .* is not recorded/);
    } finally {
      const exited = new Promise((done) => child.once("exit", done));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    }
  });
});
