import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { npm } from "../helpers/npm.ts";
import { fixtureContent, realContentDir } from "../helpers/site.ts";

const root = mkdtempSync(path.join(tmpdir(), "authoring-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function copyOfContent(name: string): string {
  const dir = path.join(root, name);
  cpSync(realContentDir, dir, { recursive: true });
  return dir;
}

describe("npm run build with bad content", () => {
  it("prints the file, line, problem and fix, exits 1 and leaves the output folder as it was", async () => {
    const outDir = path.join(root, "dist");
    cpSync(path.join(projectRoot, "tests", "fixtures"), path.join(outDir, "stand-in"), { recursive: true });
    writeFileSync(path.join(outDir, "index.html"), "the last good site");
    const before = readdirSync(outDir, { recursive: true }).sort();
    const contentDir = fixtureContent("javascript-link");
    try {
      const result = await npm(["build"], { POLICY_CONTENT_DIR: contentDir, OUTPUT_DIR: outDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /Build failed: 1 problem in the content:\n.*01-cookies\.md:9: the link `javascript:alert\(1\)` uses the `javascript:` scheme, which is not allowed\n {2}→ Links may use/,
      );
      expect(result.stderr).toContain("The previous site (if any) was left as it was.");
      expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe("the last good site");
      expect(readdirSync(outDir, { recursive: true }).sort()).toEqual(before);
    } finally {
      rmSync(contentDir, { recursive: true, force: true });
    }
  });
});

describe("npm run build's options", () => {
  it("refuses an option it does not know, with its usage, before building anything", async () => {
    const outDir = path.join(root, "never-built");
    const result = await npm(["build", "--", "--validate-htm"], { OUTPUT_DIR: outDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--validate-htm'");
    expect(result.stderr).toContain("Usage: npm run build [-- [--release | --validate-html] [--pdf]]");
    expect(readdirSync(root)).not.toContain("never-built");
  });
});

describe("npm run new-section", () => {
  const dir = copyOfContent("new-section");

  it("adds the next section file, which the build accepts once its placeholder is replaced", async () => {
    const before = loadPolicy(dir).sections.length;
    const result = await npm(["new-section", "--", "Children's Privacy", "--content-dir", dir]);
    expect(result.stdout).toContain("08-childrens-privacy.md (id: childrens-privacy, order: 8)");
    const file = path.join(dir, "08-childrens-privacy.md");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^---\nid: childrens-privacy\norder: 8\ntitle: Children's Privacy\n---\n/);
    expect(() => loadPolicy(dir)).toThrow(
      /08-childrens-privacy\.md:7: the placeholder “Write the text of this section here\.” is still here\n {2}→ Replace it/,
    );
    writeFileSync(
      file,
      text.replace("Write the text of this section here.", "We do not knowingly collect information from children."),
    );
    const policy = loadPolicy(dir);
    expect(policy.sections).toHaveLength(before + 1);
    expect(policy.sections.at(-1)?.url).toBe("/childrens-privacy/");
  });

  it("refuses a title whose id exists, exits non-zero and writes nothing", async () => {
    const files = readdirSync(dir).sort();
    const result = await npm(["new-section", "--", "What About Cookies", "--id", "cookies"], {
      POLICY_CONTENT_DIR: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the id `cookies` is already taken\n {2}→ Choose another with --id/);
    expect(readdirSync(dir).sort()).toEqual(files);
  });
});

describe("npm run screenshots", () => {
  it("photographs a fixture's pages, light and dark, wide and narrow, and prints it", async () => {
    const outDir = path.join(root, "screenshots");
    const result = await npm([
      "screenshots",
      "--",
      "--content-dir",
      path.join("tests", "fixtures", "policy-of-one-section", "content"),
      "--out-dir",
      outDir,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(outDir).sort();
    for (const name of ["whole-policy", "cookies", "search", "404", "history", "search-results", "search-landing"]) {
      for (const view of ["1280-light", "1280-dark", "320-light", "320-dark"])
        expect(files).toContain(`${name}-${view}.png`);
    }
    expect(files).toEqual(expect.arrayContaining(["whole-policy-printed.pdf", "section-printed.pdf"]));
    const pdf = readFileSync(path.join(outDir, "section-printed.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses an option it does not know, with its usage", async () => {
    const result = await npm(["screenshots", "--", "--fixture", "kitchen-sink"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: npm run screenshots");
  });
});
