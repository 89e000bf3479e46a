import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";

const dir = mkdtempSync(path.join(tmpdir(), "lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lints one section file with the project's config, as `npm run lint:content` does; returns the rule names reported. */
async function lint(text: string): Promise<string[]> {
  rmSync(path.join(dir, "content"), { recursive: true, force: true });
  mkdirSync(path.join(dir, "content"));
  cpSync(path.join(projectRoot, ".markdownlint-cli2.jsonc"), path.join(dir, ".markdownlint-cli2.jsonc"));
  writeFileSync(path.join(dir, "content", "01-x.md"), text);
  const bin = path.join(projectRoot, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");
  const output = await promisify(execFile)(process.execPath, [bin], { cwd: dir }).then(
    ({ stderr }) => stderr,
    (error: { stderr: string }) => error.stderr,
  );
  return [...output.matchAll(/\bMD\d+/g)].map((m) => m[0]);
}

const frontMatter = "---\nid: x\norder: 1\ntitle: A Question?\n---\n\n";

describe("the Markdown lint config", () => {
  it("accepts the policy's style: long lines, `{#id}` headings, questions, fragment links", async () => {
    const long = "A very long sentence of legal text. ".repeat(20).trim();
    expect(
      await lint(
        `${frontMatter}${long}\n\nSee [the clause](#the-clause).\n\n## Is This a Clause? {#the-clause}\n\n${long}\n`,
      ),
    ).toEqual([]);
  });

  it("flags inline HTML, a second title, a fragment that lands nowhere and a skipped level", async () => {
    const found = await lint(
      `${frontMatter}Text <b>bold</b> and [a link](#nowhere).\n\n# Title\n\n#### Deep {#deep}\n`,
    );
    expect(found).toEqual(expect.arrayContaining(["MD033", "MD025", "MD051", "MD001"]));
  });
});
