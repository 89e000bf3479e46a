import { describe, expect, it } from "vitest";
import { checkPublishedIds, type SectionIds, unrecordedIds } from "../../src/content/published-ids.ts";

const sections: SectionIds[] = [
  { id: "cookies", file: "02-cookies.md", clauseIds: ["refusing"], aliases: { "old-refusing": "refusing" } },
  { id: "sharing", file: "03-sharing.md", clauseIds: ["business-transfers", "with-your-consent"], aliases: {} },
];
const recorded = (ids: Record<string, string[]>) =>
  new Map(Object.entries(ids).map(([id, list]) => [id, new Set(list)]));
const check = (ids: Record<string, string[]>, unread = { ids: [] as string[], someUnknown: false }) =>
  checkPublishedIds(recorded(ids), sections, "content/version-lock.json", unread).map((p) => p.message);

describe("published ids", () => {
  it("accept content that still has every published id, as a clause or an alias", () => {
    expect(check({ cookies: ["refusing", "old-refusing"], sharing: ["business-transfers"] })).toEqual([]);
  });

  it("refuse every clause id that disappeared without an alias, naming its section's file and the fix", () => {
    expect(check({ sharing: ["business-transfers", "protection-of-others", "third-parties"] })).toEqual([
      expect.stringMatching(
        /^03-sharing\.md: the clause id `protection-of-others` was published \(\/sharing\/#protection-of-others\) but this section no longer has it\n {2}→ Put `\{#protection-of-others\}` back .* `aliases: \{ protection-of-others: <id of the clause that replaces it> \}`/,
      ),
      expect.stringMatching(/^03-sharing\.md: the clause id `third-parties` was published/),
    ]);
  });

  it("refuse a clause that moved to another section, since its old address breaks", () => {
    expect(check({ cookies: ["business-transfers"] })).toEqual([
      expect.stringMatching(/^02-cookies\.md: the clause id `business-transfers` was published/),
    ]);
  });

  it("refuse a section id that disappeared, naming the version lock", () => {
    expect(check({ security: [] })).toEqual([
      expect.stringMatching(
        /^content\/version-lock\.json: the section id `security` was published \(\/security\/\) but no section has it now/,
      ),
    ]);
  });

  it("leave a missing section unreported when its file, or a file of unknown id, could not be read", () => {
    expect(check({ security: [] }, { ids: ["security"], someUnknown: false })).toEqual([]);
    expect(check({ security: [] }, { ids: [], someUnknown: true })).toEqual([]);
    expect(check({ security: [] }, { ids: ["choices"], someUnknown: false })).toHaveLength(1);
  });

  it("list the addresses the content has that were never recorded", () => {
    expect(unrecordedIds(recorded({ cookies: ["retired"] }), sections)).toEqual([
      "/cookies/#refusing",
      "/cookies/#old-refusing",
      "/sharing/",
      "/sharing/#business-transfers",
      "/sharing/#with-your-consent",
    ]);
    expect(
      unrecordedIds(
        recorded({ cookies: ["refusing", "old-refusing"], sharing: ["business-transfers", "with-your-consent"] }),
        sections,
      ),
    ).toEqual([]);
  });
});
