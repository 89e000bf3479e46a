import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { siteSchema } from "../../src/content/site-json.ts";
import { duplicateKey, readJsonFile } from "../../src/lib/json-file.ts";
import { realContentDir } from "../helpers/site.ts";

const dir = mkdtempSync(path.join(tmpdir(), "json-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a JSON data file", () => {
  it("finds a key given twice, which JSON.parse would drop in silence, at its line", () => {
    expect(duplicateKey('{\n  "summary": "A",\n  "lang": "en",\n  "summary": "B"\n}\n')).toEqual({
      key: "summary",
      line: 4,
      first: 2,
    });
    expect(duplicateKey('{\n  "provenance": { "note": "a",\n    "note": "b" }\n}')).toEqual({
      key: "note",
      line: 3,
      first: 2,
    });
    expect(duplicateKey('{ "a": 1, "b": { "a": 2 } }')).toBeUndefined();
  });

  it("is refused with a key given twice, naming the line and what to do", () => {
    const site = JSON.parse(readFileSync(path.join(realContentDir, "site.json"), "utf8"));
    const text = JSON.stringify(site, null, 2).replace(
      '"lang": "en",',
      '"lang": "en",\n  "summary": "An older summary.",',
    );
    writeFileSync(path.join(dir, "site.json"), text);
    const hints = { what: "site data", unreadable: "Fix it.", invalid: "Fix it." };
    expect(() => readJsonFile(path.join(dir, "site.json"), "site.json", siteSchema, hints)).toThrow(
      /^site\.json:9: the key `summary` is given twice in the site data \(also on line 3\)\n {2}→ JSON keeps only the last one/,
    );
  });
});
