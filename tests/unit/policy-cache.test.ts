import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentKey, forgetPolicy, loadPolicyOnce } from "../../src/policy-cache.ts";
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

  it("keys on file names and bytes, ignoring folders inside the content folder", () => {
    const key = contentKey(dir);
    mkdirSync(path.join(dir, "images"));
    expect(contentKey(dir)).toBe(key);
    writeFileSync(path.join(dir, "notes.txt"), "x");
    expect(contentKey(dir)).not.toBe(key);
  });
});
