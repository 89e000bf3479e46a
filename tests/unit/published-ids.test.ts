import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkPublishedIds,
  readPublishedIds,
  recordPublishedIds,
  type SectionIds,
  unrecordedIds,
} from "../../src/content/published-ids.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { sectionIds } from "../../src/render/policy.ts";
import { realContentDir } from "../helpers/site.ts";

const sections: SectionIds[] = [
  { id: "cookies", file: "02-cookies.md", clauseIds: ["refusing"], aliases: { "old-refusing": "refusing" } },
  { id: "sharing", file: "03-sharing.md", clauseIds: ["business-transfers", "with-your-consent"], aliases: {} },
];
const list = (ids: Record<string, string[]>) => ({ file: "content/published-ids.json", ids });

describe("published ids", () => {
  it("accept content that still has every published id, as a clause or an alias", () => {
    expect(() =>
      checkPublishedIds(list({ cookies: ["refusing", "old-refusing"], sharing: ["business-transfers"] }), sections),
    ).not.toThrow();
  });

  it("refuse a clause id that disappeared without an alias, naming its section's file and the fix", () => {
    expect(() =>
      checkPublishedIds(list({ sharing: ["business-transfers", "protection-of-others"] }), sections),
    ).toThrow(
      /^03-sharing\.md: the clause id `protection-of-others` was published \(\/sharing\/#protection-of-others\) but this section no longer has it\n {2}→ Put `\{#protection-of-others\}` back .* `aliases: \{ protection-of-others: <id of the clause that replaces it> \}`/,
    );
  });

  it("refuse a clause that moved to another section, since its old address breaks", () => {
    expect(() => checkPublishedIds(list({ cookies: ["business-transfers"] }), sections)).toThrow(
      /02-cookies\.md: the clause id `business-transfers` was published/,
    );
  });

  it("refuse a section id that disappeared, naming the list", () => {
    expect(() => checkPublishedIds(list({ security: [] }), sections)).toThrow(
      /^content\/published-ids\.json: the section id `security` was published \(\/security\/\) but no section has it now/,
    );
  });

  it("record new ids and never drop old ones", () => {
    const previous = { cookies: ["retired"], gone: ["x"] };
    expect(recordPublishedIds(previous, sections)).toEqual({
      cookies: ["refusing", "retired"],
      sharing: ["business-transfers", "with-your-consent"],
      gone: ["x"],
    });
    expect(unrecordedIds(previous, sections)).toEqual([
      "/cookies/#refusing",
      "/sharing/",
      "/sharing/#business-transfers",
      "/sharing/#with-your-consent",
    ]);
    expect(unrecordedIds(recordPublishedIds(previous, sections), sections)).toEqual([]);
  });
});

describe("the policy's own list", () => {
  it("records every section and clause id the policy has", () => {
    const list = readPublishedIds(realContentDir);
    expect(list?.file).toMatch(/content[/\\]published-ids\.json$/);
    const missing = unrecordedIds(list!.ids, sectionIds(loadPolicy(realContentDir)));
    expect(missing, "run `npm run record-ids` and commit content/published-ids.json with the new ids").toEqual([]);
  });
});

describe("the published-ids file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "published-ids-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is optional: a new policy has published nothing", () => {
    expect(readPublishedIds(dir)).toBeUndefined();
  });

  it("must be a map of section ids to lists of clause ids", () => {
    writeFileSync(path.join(dir, "published-ids.json"), JSON.stringify({ cookies: "refusing" }));
    expect(() => readPublishedIds(dir, dir)).toThrow(/^published-ids\.json: the list of published ids is not a map/);
    writeFileSync(path.join(dir, "published-ids.json"), "{ cookies: [");
    expect(() => readPublishedIds(dir, dir)).toThrow(/^published-ids\.json: cannot read the list of published ids/);
    writeFileSync(path.join(dir, "published-ids.json"), JSON.stringify({ cookies: ["refusing"] }));
    expect(readPublishedIds(dir, dir)).toEqual({ file: "published-ids.json", ids: { cookies: ["refusing"] } });
  });
});
