import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.ts";
import { buildToTemp, fixtureContent, normalizeSpace, type BuiltSite } from "../helpers/site.ts";

const built: BuiltSite[] = [];
afterAll(() => built.forEach((site) => site.cleanup()));

describe("building fixtures", () => {
  it("keeps template syntax in a section literal on every page", async () => {
    const site = await buildToTemp({ contentDir: fixtureContent("template-syntax-stays-literal") });
    built.push(site);
    for (const sitePath of ["/", "/templates/"]) {
      const $ = site.page(sitePath);
      const text = normalizeSpace($("main").text());
      expect(text).toContain('We never evaluate {{ site.policyName }} or {% include "base.njk" %} or {# a comment #} in legal text.');
      expect(text).toContain("Braces {{ stay }} literal");
      expect(text).toContain("Text with <b>tags</b> stays text.");
      expect($("main b")).toHaveLength(0);
    }
  });

  it("stops on bad content with the file named, leaving the previous site as it was", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "policy-keep-"));
    const outDir = path.join(root, "site");
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, "index.html"), "last good site");
    try {
      await expect(buildSite({ outDir, contentDir: fixtureContent("missing-title") })).rejects.toThrow(
        /01-untitled\.md:1: invalid front matter:\n {2}- `title`: Invalid input/,
      );
      expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe("last good site");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
