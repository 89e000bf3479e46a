import { describe, expect, it } from "vitest";
import { lostTextProblems } from "../../src/content/lost-text.ts";

const problems = (body: string) => lostTextProblems("a.md", body, 1).map((p) => [p.line, p.problem, p.hint]);

describe("Markdown that would drop words the author typed", () => {
  it.each([
    [
      "braces at the end of a paragraph",
      "Our policy {applies to all}",
      1,
      /`\{applies to all\}` is read as attributes/,
      /escape the brace: `\\\{applies to all\}`/,
    ],
    ["braces after bold text", "**Note**{.x} text", 1, /`\{\.x\}` is read as attributes/, /`\\\{\.x\}`/],
    ["braces on a line of their own", "Para\n{.note}", 2, /`\{\.note\}` is read as attributes/, /`\\\{\.note\}`/],
    [
      "braces ending a list item",
      "- first\n- second {really}",
      2,
      /`\{really\}` is read as attributes/,
      /escape the brace/,
    ],
    ["braces ending a quote", "> quoted\n> more {y}", 2, /`\{y\}` is read as attributes/, /escape the brace/],
    [
      "an unused link definition",
      "[Note]: Kept\n\nOther text.",
      1,
      /`\[Note\]: Kept` is read as a link definition that no link uses/,
      /`\\\[Note\]: Kept`/,
    ],
    [
      "a table row with an extra cell",
      "| a | b |\n|---|---|\n| 1 | 2 | 3 |",
      3,
      /this table row has more cells than the table's header, so “3” is not shown/,
      /Add a column/,
    ],
    [
      "a reference to no character",
      "Text &#0; here.",
      1,
      /the character reference `&#0;` names no character/,
      /Write the character itself/,
    ],
    [
      "a reference to a control character",
      "Bell &#x7; here.",
      1,
      /the character reference `&#x7;`/,
      /Write the character itself/,
    ],
    [
      "a heading's trailing hash",
      "## Section # {#s}",
      1,
      /the `#` at the end of this heading is read as Markdown's closing mark/,
      /`\\#`/,
    ],
  ])("finds %s", (_, body, line, problem, hint) => {
    expect(problems(body)).toEqual([[line, expect.stringMatching(problem), expect.stringMatching(hint)]]);
  });

  it.each([
    ["escaped braces", "Price \\{20}"],
    ["braces inside a sentence", "We use {cookies}.\n\nMore."],
    ["a heading id", "## Heading {#heading-id}"],
    ["an id on a paragraph (the Markdown rules report it)", "Para {#stray}"],
    ["a used reference link", 'See [the terms][t].\n\n[t]: https://example.com/terms "Terms"'],
    ["a shortcut reference link", "See [t].\n\n[t]: https://example.com/terms"],
    ["a full table", "| a | b |\n|---|---|\n| 1 | 2 |"],
    ["a heading with a number sign inside", "## We are #1 {#one}"],
    ["ordered and nested lists and quotes", "1. First\n2. Second\n   - nested\n\n> quote 3. x\n> - item"],
    [
      "links with titles, encoded addresses and autolinks",
      'Link [here](https://example.com/caf%C3%A9 "A title") and <https://example.org/x> and `code {x}`.',
    ],
    ["fenced and indented code", "```js\nconst x = 1;\n```\n\n    indented code\n"],
    ["entities", "Text &copy; 2014 &amp; AT&T; &#169; &#x1F600; done."],
    ["a reference inside a code span", "Write `&#0;` to mean nothing."],
    ["hard breaks", "Line one  \nline two\\\nthree"],
    ["setext headings and rules", "Setext\n======\n\n***\n"],
    ["e-mail addresses", "Email <privacy@example.com> and [mail](mailto:a@b.com)."],
    ["words in any script", "Ünïcödé wörds and 日本語 text."],
    ["a footnote-like line", "Footnote[^1].\n\n[^1]: The note."],
    ["a link definition with its title on the next line", 'See [t].\n\n[t]: https://example.com\n  "The title"'],
  ])("leaves %s alone", (_, body) => {
    expect(problems(body)).toEqual([]);
  });

  it("names the file line, counting from where the body starts", () => {
    expect(lostTextProblems("a.md", "Intro.\n\nText {x}", 7).map((p) => p.line)).toEqual([9]);
  });
});
