import { describe, expect, it } from "vitest";
import { checkMarkdown, scanMarkdown } from "../../src/content/markdown-rules.ts";
import type { ContentError } from "../../src/lib/problems.ts";

/** The first rule a body breaks, as the author would read it, or undefined when it passes. */
function problemIn(body: string, bodyLine = 1): ContentError | undefined {
  return checkMarkdown("01-x.md", scanMarkdown(body, bodyLine))[0];
}

describe("scanning a section's Markdown", () => {
  it("reports headings with the ids declared in the text and their file lines", () => {
    const scan = scanMarkdown("Intro.\n\n## First {#first}\n\nText.\n\n### Detail {#detail}\n", 6);
    expect(scan.headings).toEqual([
      { level: 2, id: "first", text: "First", line: 8 },
      { level: 3, id: "detail", text: "Detail", line: 12 },
    ]);
  });

  it("keeps links markdown-it would silently drop, with the line each is on", () => {
    const scan = scanMarkdown(
      "One [a](https://example.com)\ntwo [b](javascript:alert(1))\nthree <vbscript:x> [c](DATA:text/html,x)",
      10,
    );
    expect(scan.links).toEqual([
      { href: "https://example.com", line: 10 },
      { href: "javascript:alert(1)", line: 11 },
      { href: "vbscript:x", line: 12 },
      { href: "DATA:text/html,x", line: 12 },
    ]);
  });

  it("finds raw HTML both as a block and inline", () => {
    const scan = scanMarkdown("Text <b>bold</b>.\n\n<script>alert(1)</script>\n", 3);
    expect(scan.html.map((h) => [h.content, h.line])).toEqual([
      ["<b>", 3],
      ["</b>", 3],
      ["<script>alert(1)</script>", 5],
    ]);
  });

  it("does not take code or escaped angle brackets for HTML", () => {
    expect(scanMarkdown("Write `<b>` or \\<b> as text.\n\n    <div>\n\n```\n<p>\n```\n").html).toEqual([]);
  });
});

describe("the Markdown rules of a section", () => {
  it("accept clauses and sub-clauses with declared ids", () => {
    expect(problemIn("Intro.\n\n## A {#a}\n\n### A.1 {#a-1}\n\n## B {#b}\n")).toBeUndefined();
  });

  it.each([
    ["an h1", "# Title {#t}", /level-1 heading/, /`title` in the front matter/, 7],
    ["a setext h1", "Title\n=====", /level-1 heading/, /title/, 7],
    [
      "an h3 as the first heading",
      "### Deep {#deep}",
      /skips from level 1 to level 3/,
      /first heading of a section is `##`/,
      7,
    ],
    ["an h4 right after an h2", "## A {#a}\n\n#### B {#b}", /skips from level 2 to level 4/, /at most `###`/, 9],
    [
      "an h6",
      "## A {#a}\n\n### B {#b}\n\n#### C {#c}\n\n##### D {#d}\n\n###### E {#e}",
      /deeper than the policy allows/,
      /`##` to `#####`/,
      15,
    ],
    ["a heading without an id", "## Cookies", /heading “Cookies” has no id/, /## Cookies \{#some-short-id\}/, 7],
    [
      "a heading with an id that is not URL-safe",
      "## Cookies {#Our_Cookies}",
      /`Our_Cookies` is not a valid id/,
      /lowercase/,
      7,
    ],
    ["a heading with no words", "## {#empty}", /heading has no text/, /words/, 7],
    [
      "an id on a paragraph",
      "Some text {#para}",
      /`\{#para\}` gives an id to something that is not a heading/,
      /Only headings/,
      7,
    ],
    ["a script", "Text.\n\n<script>alert(1)</script>", /raw HTML \(`<script>alert\(1\)<\/script>`\)/, /escape it/, 9],
    ["inline HTML", "Text with <b>tags</b>.", /raw HTML \(`<b>`\)/, /\\<b>/, 7],
    ["an HTML comment", "<!-- note -->", /raw HTML/, /Markdown/, 7],
    [
      "an image",
      "![logo](https://example.com/logo.png)",
      /the image `https:\/\/example.com\/logo.png` is not allowed/,
      /text only/,
      7,
    ],
  ])("refuse %s, naming the line and what to do", (_, body, problem, hint, line) => {
    const error = problemIn(`\n${body}\n`, 6);
    expect(error?.message).toMatch(problem);
    expect(error?.hint).toMatch(hint);
    expect(error?.file).toBe("01-x.md");
    expect(error?.line).toBe(line);
  });

  it("name the line of a problem deep in a paragraph", () => {
    expect(problemIn("First line\nsecond line\nthird <i>line</i>", 20)?.line).toBe(22);
  });
});
