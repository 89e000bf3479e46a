import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSection } from "../../src/content/read-sections.ts";
import { projectRoot } from "../../src/options.ts";
import { markdown, renderHeading } from "../../src/render/markdown.ts";
import { plainHeadingHtml } from "../../src/render/plain-heading.ts";

/** Every section title of the project's policies, read as the build reads them. */
const titles = ["content", "tests/fixtures"].flatMap((root) =>
  (readdirSync(path.join(projectRoot, root), { recursive: true }) as string[])
    .filter((name) => name.endsWith(".md"))
    .flatMap((name) => {
      try {
        return [parseSection(name, readFileSync(path.join(projectRoot, root, name), "utf8")).title];
      } catch {
        return [];
      }
    }),
);

const MARKS = [..."\\`*_[]()#+-.!|~<>&\"'=:;,/?@$%^"];
const TRICKY = [
  "8 April 2014 (current)",
  "What About Cookies? (12)",
  "A & B <c> \"d\" 'e' &amp; &#169; \\* not emphasis",
  "**bold** _em_ `code` [link](https://example.com) ![image](x.png) <b>html</b>",
  "# Hash first, hash last #",
  "1. Not a list",
  "- Not a list either",
  "> not a quote",
  "Über café — naïve “quoted” ‘single’ … 😀",
  "Two  spaces  inside",
  "[^1] not a note",
  "~~not struck~~ ==not marked==",
  ...MARKS.map((mark) => `Before ${mark} after${mark}`),
  ...MARKS.map((mark) => `${mark}${mark}`),
];

describe("a plain heading written directly", () => {
  it("is the markup markdown-it renders for every title of the project's policies", () => {
    expect(titles.length).toBeGreaterThan(50);
    for (const title of titles) {
      const written = plainHeadingHtml(title, "some-id", 3);
      if (written !== undefined) expect(written, title).toBe(renderHeading(markdown, title, "some-id", 3).html);
    }
    // All but a title with braces, which is left to markdown-it.
    expect(titles.filter((title) => plainHeadingHtml(title, "x", 2) === undefined)).toEqual([
      "Braces {{ stay }} literal",
    ]);
  });

  it("is the markup markdown-it renders for text full of Markdown's marks, at every level", () => {
    for (const text of TRICKY) {
      for (const level of [1, 2, 3, 6]) {
        expect(plainHeadingHtml(text, "version-2014-04-08", level), text).toBe(
          renderHeading(markdown, text, "version-2014-04-08", level).html,
        );
      }
    }
  });

  it("is left to markdown-it for text or ids it does not vouch for", () => {
    for (const text of [" leading", "trailing ", "tab\there", "line\nbreak", "{braces}", "bell\u0007", ""])
      expect(plainHeadingHtml(text, "id", 2), JSON.stringify(text)).toBeUndefined();
    for (const id of ["Caps", "two words", "x_y", ""]) expect(plainHeadingHtml("Text", id, 2), id).toBeUndefined();
    expect(plainHeadingHtml("Text", "id", 7)).toBeUndefined();
  });
});
