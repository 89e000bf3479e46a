import { describe, expect, it } from "vitest";
import { checkMarkdown, scanMarkdown } from "../../src/content/markdown-rules.ts";
import { checkSections } from "../../src/content/policy-rules.ts";
import type { SourceSection } from "../../src/content/read-sections.ts";

/** The first rule a body breaks, as `line: problem`, or undefined when it passes. */
function problemIn(body: string, bodyLine = 5): string | undefined {
  const [first] = checkMarkdown("01-x.md", scanMarkdown(body, bodyLine));
  return first && `${first.line}: ${first.message.split("\n")[0].replace(/^01-x\.md:\d+: /, "")}`;
}

const table = "| Purpose | Basis |\n| --- | --- |\n| Orders | Contract |\n";

describe("the rules for tables, notes, terms, callouts and summaries", () => {
  it("accept each construct written as documented", () => {
    const body = [
      "> [!SUMMARY]\n> In short.\n",
      "Text[^1] and ^[an inline note].\n",
      `Table: What we keep\n\n${table}`,
      "> [!WARNING]\n> Careful.\n",
      "> A quotation.\n",
      "Personal data\n: Anything about you.\n",
      "Written \\[^2] and `[^3]` as text.\n",
      "[^1]: The note.\n",
    ].join("\n");
    expect(problemIn(body)).toBeUndefined();
  });

  it.each([
    ["a reference without a note", "Text[^2].\n\n[^1]: A note.\n", /^5: `\[\^2\]` is not a note reference/],
    ["a label with a space", "Text[^a b].\n", /^5: `\[\^a b\]` is not a note reference/],
    ["a note never referred to", "Text.\n\n[^1]: A note.\n", /^7: the note `\[\^1\]` is defined but never referenced/],
    ["a note defined twice", "Text[^1].\n\n[^1]: One.\n\n[^1]: Two.\n", /^9: the note `\[\^1\]` is defined twice/],
    ["a note without text", "Text[^1].\n\n[^1]:\n", /^7: the note `\[\^1\]` has no text/],
    ["a heading in a note", "Text[^1].\n\n[^1]: One.\n\n    ## Heading {#h}\n", /^9: a heading inside a note/],
    ["a table without a caption", table, /^5: the table has no caption/],
    [
      "a column without a header",
      `Table: T\n\n|  | B |\n| - | - |\n| 1 | 2 |\n`,
      /^7: the table has a column without a header/,
    ],
    [
      "a caption with no table",
      "Table: Retention\n\nText.\n",
      /^5: the caption `Table: Retention` is not directly above a table/,
    ],
    ["an unknown callout", "> [!DANGER]\n> Text.\n", /^5: the callout \[!DANGER\] is not one this site knows/],
    ["a marker with text after it", "> [!NOTE] Text.\n", /^5: `\[!NOTE\] Text.`: the marker must be alone/],
    ["an empty callout", "> [!NOTE]\n", /^5: the callout has no text/],
    ["a heading in a callout", "> [!NOTE]\n> ## Heading {#h}\n", /^6: a heading inside a callout/],
    ["a summary after the text", "Text.\n\n> [!SUMMARY]\n> Short.\n", /^7: the summary is not at the start/],
    [
      "a table in a summary",
      `> [!SUMMARY]\n> Short.\n>\n> Table: T\n>\n> ${table.split("\n").join("\n> ")}\nText.\n`,
      /^8: a summary holds paragraphs and lists only/,
    ],
    [
      "a note in a summary",
      "> [!SUMMARY]\n> Short[^1].\n\nText.\n\n[^1]: N.\n",
      /^6: a summary holds plain text, emphasis, links and code only/,
    ],
    ["a class attribute", "Text. {.lead}\n", /^5: the attribute `\{\.lead\}` is not supported/],
    [
      "a row with more cells than columns",
      `Table: T\n\n${table}| A | B | C |\n`,
      /^10: the table row has 3 cells but the table has 2 columns/,
    ],
    [
      "a row in a quotation with more cells",
      `> Table: T\n>\n> ${table.split("\n").join("\n> ")}| A | B | C |\n`,
      /^10: the table row has 3 cells/,
    ],
    ["a misspelt marker", "> [! NOTES]\n> Text.\n", /^5: the callout \[! NOTES\] is not one this site knows/],
    ["a section that is only a summary", "> [!SUMMARY]\n> Short.\n", /^5: the section has no text besides its summary/],
    [
      "any other attribute on a heading",
      "## Heading {#h data-x=1}\n",
      /^5: the attribute `\{data-x=1\}` is not supported/,
    ],
  ])("refuse %s, naming the line", (_, body, expected) => {
    expect(problemIn(body)).toMatch(expected);
  });

  it("accept an escaped pipe inside a cell and a short row, which markdown-it fills", () => {
    expect(problemIn(`Table: T\n\n${table}| a \\| b | c |\n| only |\n`)).toBeUndefined();
  });

  it("name the line of an inline note's own problem, where its reference is", () => {
    const scan = scanMarkdown("One.\n\nTwo ^[see [x](javascript:1)] here.\n\n## H {#h}\n\nText.\n", 10);
    expect(scan.links).toEqual([{ href: "javascript:1", line: 12 }]);
  });
});

const section = (id: string, order: number, body: string): SourceSection => ({
  id,
  order,
  title: id,
  file: `${order}-${id}.md`,
  body,
  bodyLine: 6,
});

describe("defined terms across the policy", () => {
  it("refuse a term defined in two sections, naming both places", () => {
    const sections = [section("a", 1, "Cookie\n: One.\n"), section("b", 2, "Text.\n\ncookie\n: Two.\n")];
    expect(checkSections(sections).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^2-b\.md:8: the term “cookie” is already defined in 1-a\.md:6 \(as “Cookie”\)/),
    ]);
  });

  it("let links land on a term's definition", () => {
    const sections = [section("a", 1, "Cookie\n: One.\n"), section("b", 2, "See [cookies](/a/#term_cookie).\n")];
    expect(checkSections(sections).problems).toEqual([]);
  });
});
