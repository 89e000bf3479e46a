import { describe, expect, it } from "vitest";
import {
  type BlockDiff,
  type ComparableSection,
  compareSection,
  compareSections as compareWith,
  diffBlocks,
  diffText,
  similarity,
} from "../../src/history/compare.ts";
import { blockHtml, partHtml, sectionTitleHtml } from "../../src/history/diff-html.ts";
import { bodyBlocks, type TextBlock } from "../../src/history/text-blocks.ts";

const text = (t: string): TextBlock => ({ kind: "text", text: t });
const heading = (id: string, t: string): TextBlock => ({ kind: "heading", id, level: 2, text: t });
/** A block diff as a short string: "~ We [-may-]{+will+} go" for a changed block. */
const show = (block: BlockDiff): string =>
  `${{ same: "=", added: "+", removed: "-", changed: "~" }[block.change]} ${block.parts
    .map((p) => (p.change === "same" ? p.text : p.change === "added" ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join("")}`;
/** Two versions' sections compared, each body read from its Markdown as the build reads it. */
const compareSections = (before: ComparableSection[], after: ComparableSection[]) =>
  compareWith(before, after, (b, a) => compareSection(b, a, (section) => bodyBlocks(section.body)));

describe("the text that is compared", () => {
  it("is what readers read: markup dropped, link targets kept, one block per heading and paragraph", () => {
    const blocks = bodyBlocks(
      "Some *stressed* text and [a link](https://example.org/x)\nover two lines.\n\n## A clause {#a-clause}\n\n- one\n- `two`\n",
    );
    expect(blocks).toEqual([
      { kind: "text", text: "Some stressed text and a link (https://example.org/x) over two lines." },
      { kind: "heading", id: "a-clause", level: 2, text: "A clause" },
      { kind: "text", text: "one" },
      { kind: "text", text: "two" },
    ]);
  });

  it("leaves out the summary, which is not the policy, and keeps tables, notes, terms and callouts", () => {
    const blocks = bodyBlocks(
      "> [!SUMMARY]\n> In short.\n\nText.[^1]\n\nTable: Kept\n\n| What | How long |\n| --- | --- |\n| Orders | 6 years |\n\nCookie\n: A file.\n\n> [!NOTE]\n> Noted.\n\n[^1]: The note.\n",
    );
    expect(blocks.map((b) => b.text)).toEqual([
      "Text.",
      "Kept",
      "What",
      "How long",
      "Orders",
      "6 years",
      "Cookie",
      "A file.",
      "Noted.",
      "The note.",
    ]);
  });
});

describe("word-level diffs", () => {
  it("marks exactly the words that changed", () => {
    const parts = diffText(
      "We may share your information with partners.",
      "We share your information only with trusted partners.",
    );
    expect(parts.filter((p) => p.change === "removed").map((p) => p.text)).toEqual(["may "]);
    expect(parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["only", "trusted"]);
  });

  it("scores similarity from 1 for equal text to 0 for nothing shared", () => {
    expect(similarity("a b c", "a b c")).toBe(1);
    expect(similarity("alpha beta", "gamma delta")).toBe(0);
  });
});

describe("block-level diffs", () => {
  it("keeps a reworded heading with the same id as one changed heading", () => {
    expect(
      diffBlocks([heading("x", "Information You Give Us")], [heading("x", "Information You Provide")]).map(show),
    ).toEqual(["~ Information You [-Give Us-]{+Provide+}"]);
  });

  it("treats headings with different ids as one removed and one added, however alike", () => {
    expect(diffBlocks([heading("old", "Sharing")], [heading("new", "Sharing")]).map(show)).toEqual([
      "- [-Sharing-]",
      "+ {+Sharing+}",
    ]);
  });

  it("pairs a reworded paragraph with its rewording, and leaves unrelated ones whole", () => {
    const before = [text("Keep me."), text("We may share your data with partners."), text("Gone for good.")];
    const after = [
      text("Keep me."),
      text("A brand new paragraph about something else."),
      text("We may share your data with trusted partners."),
    ];
    expect(diffBlocks(before, after).map(show)).toEqual([
      "= Keep me.",
      "+ {+A brand new paragraph about something else.+}",
      "~ We may share your data with {+trusted +}partners.",
      "- [-Gone for good.-]",
    ]);
  });
});

describe("section comparison", () => {
  const v1 = [
    { id: "a", title: "Alpha", body: "Same text.\n" },
    { id: "b", title: "Beta", body: "Old words here.\n" },
    { id: "c", title: "Gamma", body: "Going away.\n" },
  ];
  const v2 = [
    { id: "a", title: "Alpha", body: "Same text.\n" },
    { id: "b", title: "Beta, renamed", body: "Old words here.\n" },
    { id: "d", title: "Delta", body: "Brand new.\n" },
  ];

  it("matches sections by id: unchanged, changed (title only counts too), added, then removed", () => {
    expect(compareSections(v1, v2).map((c) => [c.id, c.change])).toEqual([
      ["a", "unchanged"],
      ["b", "changed"],
      ["d", "added"],
      ["c", "removed"],
    ]);
  });

  it("diffs a changed title word by word", () => {
    const [, b] = compareSections(v1, v2);
    expect(show(b.titleDiff)).toBe("~ Beta{+, renamed+}");
    expect(b.blocks.map(show)).toEqual(["= Old words here."]);
  });
});

describe("diff HTML", () => {
  it("wraps an addition in <ins> with cues for screen readers and print, spaces left outside", () => {
    expect(partHtml({ change: "added", text: "trusted " })).toBe(
      '<ins><span class="diff-cue">[added: </span>trusted<span class="diff-cue">]</span></ins> ',
    );
    expect(partHtml({ change: "removed", text: " may" })).toBe(
      ' <del><span class="diff-cue">[removed: </span>may<span class="diff-cue">]</span></del>',
    );
  });

  it("escapes policy text, which may contain markup characters", () => {
    expect(partHtml({ change: "same", text: '<b>&"' })).toBe("&#60;b&#62;&#38;&#34;");
    expect(blockHtml({ kind: "text", change: "added", parts: [{ change: "added", text: "<script>" }] })).not.toContain(
      "<script>",
    );
  });

  it("renders clause headings one rank below the section title, and the title with its id", () => {
    expect(blockHtml({ kind: "heading", level: 2, change: "same", parts: [{ change: "same", text: "Clause" }] })).toBe(
      '<h3 class="diff-block diff-block--same">Clause</h3>',
    );
  });

  it("gives each section heading its id: the title's diff when reworded, the plain title otherwise", () => {
    const [renamed, added] = compareSections(
      [{ id: "b", title: "Beta", body: "x" }],
      [
        { id: "b", title: "Beta two", body: "x" },
        { id: "d", title: "Delta", body: "y" },
      ],
    );
    expect(sectionTitleHtml(renamed)).toMatch(/^<h2 id="b" class="diff-block diff-block--changed">Beta <ins>/);
    expect(sectionTitleHtml(added)).toBe('<h2 id="d" class="diff-block">Delta</h2>');
  });
});
