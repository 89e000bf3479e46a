import { describe, expect, it } from "vitest";
import { decodeText, firstInvalidLine } from "../../src/content/decode.ts";
import { parseSection, readSection } from "../../src/content/read-sections.ts";
import { ContentError } from "../../src/lib/problems.ts";

const file = (frontMatter: string, body = "\nText.\n") => `---\n${frontMatter}\n---\n${body}`;

function errorOf(action: () => unknown): ContentError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("expected a ContentError");
}

describe("decoding a section file", () => {
  it("accepts UTF-8 with a byte order mark and CRLF line endings, as plain LF text", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("---\r\nid: a\r\n---\r\nCafé\r\n")]);
    expect(decodeText("a.md", bytes)).toBe("---\nid: a\n---\nCafé\n");
  });

  it("refuses bytes that are not UTF-8, naming the line they are on", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("---\nid: a\n---\n"), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const error = errorOf(() => decodeText("a.md", bytes));
    expect(error.message).toMatch(/^a\.md:4: the file is not valid UTF-8\n {2}→ Save it as UTF-8/);
    expect(firstInvalidLine(bytes)).toBe(4);
    expect(firstInvalidLine(new TextEncoder().encode("fine\n"))).toBeUndefined();
  });
});

describe("a section's front matter", () => {
  it("gives the body and the file line the body starts on", () => {
    const section = parseSection("a.md", file("id: a\norder: 1\ntitle: A"));
    expect(section).toMatchObject({ id: "a", order: 1, title: "A", body: "\nText.\n", bodyLine: 6 });
  });

  it.each([
    [
      "an indented key",
      file("id: a\n  order: 1\ntitle: A"),
      /this line is indented, so YAML reads it as part of the value/,
      3,
    ],
    ["an empty file", "", /the file is empty/, 1],
    ["a file without front matter", "Just text.\n", /the file has no front matter/, 1],
    [
      "blank lines before the front matter",
      "\n\n---\nid: a\n---\n",
      /the front matter does not start on the first line/,
      1,
    ],
    [
      "front matter that is never closed",
      "---\nid: a\norder: 1\ntitle: A\n\nText.\n",
      /the front matter is never closed/,
      1,
    ],
    [
      "broken YAML",
      file("id: a\norder: 1\ntitle: [unclosed"),
      /starts with `\[`, which YAML reads as the start of a list/,
      4,
    ],
    ["a missing title", file("id: a\norder: 1"), /`title` is missing/, 1],
    ["an unknown key", file("id: a\norder: 1\ntitle: A\ntitel: A"), /unknown key `titel`/, 5],
    ["an id with spaces", file("order: 1\nid: my section\ntitle: A"), /`id` must be lowercase letters/, 3],
    ["an order that is text", file("id: a\norder: first\ntitle: A"), /`order` must be a whole number from 1/, 3],
    ["an order below 1", file("id: a\norder: 0\ntitle: A"), /`order` must be 1 or more/, 3],
    [
      "an alias list that is not a map",
      file("id: a\norder: 1\ntitle: A\naliases: [old]"),
      /`aliases` must be a list of `old-id: new-id` pairs/,
      5,
    ],
    [
      "an alias that is not an id",
      file("id: a\norder: 1\ntitle: A\naliases:\n  Old Name: a"),
      /`aliases`: `Old Name` is not an id/,
      6,
    ],
    [
      "search terms written as one line",
      file("id: a\norder: 1\ntitle: A\nsearchTerms: turn off cookies"),
      /`searchTerms` must be a list \(one `- item` per line\)/,
      5,
    ],
    ["empty front matter", "---\n---\nText.\n", /`id` is missing/, 1],
    ["a section without text", file("id: a\norder: 1\ntitle: A", "\n  \n"), /the section has no text/, 6],
    [
      "a control character in the text",
      file("id: a\norder: 1\ntitle: A", "\nText\u0000 here.\n"),
      /an invisible control character \(U\+0000\)/,
      7,
    ],
    [
      "the placeholder new-section writes",
      file("id: a\norder: 1\ntitle: A", "\nWrite the text of this section here.\n"),
      /the placeholder “Write the text of this section here\.” is still here/,
      7,
    ],
  ])("refuses %s, naming the line", (_, text, expected, line) => {
    const { problems } = readSection("a.md", text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(expected);
    expect(problems[0].line).toBe(line);
    expect(problems[0].hint.length).toBeGreaterThan(10);
  });

  it("lists every problem at once, each at its line, with the keys allowed", () => {
    const { problems } = readSection("a.md", file("id: A B\ntitel: x"));
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [1, "`order` is missing"],
      [2, expect.stringMatching(/^`id` must be/)],
      // Not “`title` is missing” as well: the mistyped key says which it meant.
      [3, "unknown key `titel`"],
    ]);
    expect(problems[0].hint).toContain("id, order, title, description, searchTerms, clauseSearchTerms, aliases");
    expect(problems[2].hint).toMatch(/^Did you mean `title`\?/);
  });

  it("throws them all from parseSection, for tools", () => {
    expect(() => parseSection("a.md", file("id: A B\ntitel: x"))).toThrow(/3 problems in the content:/);
  });
});
