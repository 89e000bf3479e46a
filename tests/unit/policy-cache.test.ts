import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentKey, forgetPolicy, loadHistoryOnce, loadPolicyOnce } from "../../src/policy-cache.ts";
import { realContentDir } from "../helpers/site.ts";

const dir = mkdtempSync(path.join(tmpdir(), "policy-cache-"));
cpSync(realContentDir, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the policy kept between the build's check and Eleventy", () => {
  it("is rendered once while the content stays the same", () => {
    const first = loadPolicyOnce(dir);
    expect(loadPolicyOnce(dir)).toBe(first);
    expect(loadPolicyOnce(path.join(dir, "."))).toBe(first);
  });

  it("is rendered again after any edit, even one that keeps the file's size", () => {
    const before = loadPolicyOnce(dir);
    const file = path.join(dir, "02-cookies.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Cookies are", "Cookies ARE"));
    const after = loadPolicyOnce(dir);
    expect(after).not.toBe(before);
    expect(after.sections[1].html).toContain("Cookies ARE");
  });

  it("is rendered again once forgotten", () => {
    const before = loadPolicyOnce(dir);
    forgetPolicy();
    expect(loadPolicyOnce(dir)).not.toBe(before);
  });

  it("keys on file names and bytes, in subfolders too, and on a folder being missing", () => {
    mkdirSync(path.join(dir, "images"));
    const key = contentKey(dir);
    expect(contentKey(dir)).toBe(key);
    writeFileSync(path.join(dir, "images", "note.txt"), "x");
    const withNote = contentKey(dir);
    expect(withNote).not.toBe(key);
    writeFileSync(path.join(dir, "images", "note.txt"), "y");
    expect(contentKey(dir)).not.toBe(withNote);
    expect(contentKey(dir, path.join(dir, "no-such-folder"))).not.toBe(contentKey(dir));
  });

  it("keeps the history too, until the content or the history folder changes", () => {
    const history = path.join(dir, "..", `${path.basename(dir)}-history`);
    const first = loadHistoryOnce(dir, history);
    expect(first.versions).toHaveLength(1);
    expect(loadHistoryOnce(dir, history)).toBe(first);
    mkdirSync(path.join(history, "2010-01-01"), { recursive: true });
    cpSync(path.join(dir, "02-cookies.md"), path.join(history, "2010-01-01", "02-cookies.md"));
    writeFileSync(
      path.join(history, "2010-01-01", "version.json"),
      JSON.stringify({ effectiveDate: "2010-01-01", summary: "An earlier version." }),
    );
    try {
      const withArchive = loadHistoryOnce(dir, history);
      expect(withArchive).not.toBe(first);
      expect(withArchive.versions.map((v) => v.effectiveDate)).toEqual(["2014-04-08", "2010-01-01"]);
    } finally {
      rmSync(history, { recursive: true, force: true });
    }
  });
});
