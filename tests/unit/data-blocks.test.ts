import path from "node:path";
import { describe, expect, it } from "vitest";
import { blocksFromData } from "../../src/history/data-blocks.ts";
import { sectionData } from "../../src/history/policy-data.ts";
import { bodyBlocks } from "../../src/history/text-blocks.ts";
import { loadPolicyData } from "../../src/pipeline/load-policy.ts";
import { fixtureContent, fixtureHistory, realContentDir } from "../helpers/site.ts";

/** Every section of every version of a policy, as the build renders them. */
function sections(contentDir: string, historyDir: string) {
  const { history } = loadPolicyData({ contentDir, historyDir, pathPrefix: "/", today: "2030-01-01" });
  return history.versions.flatMap((version) =>
    version.policy.sections.map((section) => ({ name: `${version.effectiveDate} ${section.id}`, section })),
  );
}

describe("a section's blocks read back from its JSON", () => {
  it.each([
    ["the real policy", realContentDir, path.join(realContentDir, "no-history")],
    [
      "the kitchen sink (tables, notes, terms, summaries, callouts)",
      fixtureContent("kitchen-sink"),
      fixtureHistory("kitchen-sink"),
    ],
    ["revisions", fixtureContent("revisions"), fixtureHistory("revisions")],
    ["four versions", fixtureContent("four-versions"), fixtureHistory("four-versions")],
  ])(
    "are the blocks the build reads from its Markdown, for every section of every version of %s",
    (_, content, history) => {
      const all = sections(content, history);
      expect(all.length).toBeGreaterThan(2);
      for (const { name, section } of all) {
        expect(blocksFromData(sectionData(section, "https://example.com/history/x/")), name).toEqual(
          bodyBlocks(section.body),
        );
      }
    },
  );

  it("keep clauses a level below their parent, and notes last with their number", () => {
    const blocks = blocksFromData({
      id: "s",
      heading: "S",
      text: "One.\n\nTwo.",
      clauses: [{ id: "a", heading: "A", text: "In a.", clauses: [{ id: "b", heading: "B", text: "", clauses: [] }] }],
      notes: [{ number: 1, text: "First.\n\nStill first." }],
    });
    expect(blocks).toEqual([
      { kind: "text", text: "One." },
      { kind: "text", text: "Two." },
      { kind: "heading", id: "a", level: 2, text: "A" },
      { kind: "text", text: "In a." },
      { kind: "heading", id: "b", level: 3, text: "B" },
      { kind: "text", text: "First.", note: 1 },
      { kind: "text", text: "Still first.", note: 1 },
    ]);
  });
});
