import { describe, expect, it } from "vitest";
import { closestKey } from "../../src/content/front-matter-keys.ts";
import { readSection } from "../../src/content/read-sections.ts";
import { quoteYaml, splitValueLine } from "../../src/content/yaml-text.ts";

/** A section file: id and order on lines 2 and 3, then the given front matter lines from line 4. */
const sectionFile = (lines: string[]): string => `---\nid: cookies\norder: 2\n${lines.join("\n")}\n---\n\nText.\n`;

const read = (lines: string[]) => readSection("a.md", sectionFile(lines));

/** The line an error tells the author to write instead, if it gives one: `title: "…"` or `- "…"`. */
function suggestedLine(hint: string): string | undefined {
  return /`((?:[A-Za-z]+: |- )(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'))`/.exec(hint)?.[1];
}

describe("front matter values that reach the page exactly as typed", () => {
  it.each([
    ["a plain title", "title: What About Cookies?", "What About Cookies?"],
    ["a number", "title: 1984", "1984"],
    ["a number with a fraction", "title: 3.50", "3.50"],
    ["a number YAML would read in octal", "title: 0o17", "0o17"],
    ["a number YAML would read in hex", "title: 0x1F", "0x1F"],
    ["an exponent", "title: 1e3", "1e3"],
    ["infinity", "title: .inf", ".inf"],
    ["a boolean", "title: true", "true"],
    ["yes, a YAML 1.1 boolean", "title: Yes", "Yes"],
    ["a date", "title: 2014-04-08", "2014-04-08"],
    ["a timestamp", "title: 2014-04-08 10:00:00", "2014-04-08 10:00:00"],
    ["a colon without a space", "title: Cookies:What", "Cookies:What"],
    ["a hash without a space before it", "title: Cookies#1", "Cookies#1"],
    ["a hash inside double quotes", 'title: "Cookies #1 and You"', "Cookies #1 and You"],
    ["a hash inside single quotes", "title: 'Cookies #1 and You'", "Cookies #1 and You"],
    ["a colon inside quotes", 'title: "Cookies: What They Are"', "Cookies: What They Are"],
    ["quotes inside single quotes", `title: '"Cookies" and You'`, '"Cookies" and You'],
    ["an apostrophe doubled in single quotes", "title: 'It''s Yours'", "It's Yours"],
    ["an apostrophe in a plain value", "title: Children's Privacy", "Children's Privacy"],
    ["a percent sign inside", "title: 100% Private", "100% Private"],
    ["an ampersand inside", "title: Cookies & You", "Cookies & You"],
    ["a tab after the colon", "title:\tCookies", "Cookies"],
    ["a tab inside the value", "title: Cookies\tand You", "Cookies\tand You"],
    ["non-ASCII text", "title: Protección de datos – ¿qué guardamos?", "Protección de datos – ¿qué guardamos?"],
    ["braces and brackets inside", "title: Cookies {and} [You]", "Cookies {and} [You]"],
  ])("%s", (_, line, title) => {
    const { section, problems } = read([line]);
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(section?.title).toBe(title);
  });

  it.each([
    ["a plain value on two lines", ["title: Cookies", "  and You"], "Cookies and You"],
    ["a folded block", ["title: >", "  Cookies", "  and You"], "Cookies and You"],
    ["a literal block", ["title: |", "  Cookies #1", "  and You"], "Cookies #1\nand You"],
    ["a quoted value on two lines", ['title: "Cookies', '  and You"'], "Cookies and You"],
    ["a note for editors on a line of its own", ["# reviewed by legal", "title: Cookies"], "Cookies"],
  ])("%s", (_, lines, title) => {
    const { section, problems } = read(lines);
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(section?.title).toBe(title);
  });

  it("keeps every search term and alias as typed", () => {
    const { section, problems } = read([
      "title: Cookies",
      "searchTerms:",
      "  - 2014",
      "  - 'turn off: cookies'",
      "  - true",
      "aliases:",
      "  old-1: new-1",
    ]);
    expect(problems).toEqual([]);
    expect(section?.searchTerms).toEqual(["2014", "turn off: cookies", "true"]);
    expect(section?.aliases).toEqual({ "old-1": "new-1" });
  });

  it("keeps an alias named __proto__ as a key, so it is refused as an id rather than lost", () => {
    const { problems } = read(["title: Cookies", "aliases:", "  __proto__: refusing"]);
    expect(problems.map((p) => [p.line, p.problem])).toEqual([[6, expect.stringMatching(/`__proto__` is not an id/)]]);
  });

  it("reads an id YAML would take for a number as the text typed", () => {
    expect(readSection("a.md", "---\nid: 404\norder: 1\ntitle: Gone\n---\n\nText.\n").section?.id).toBe("404");
  });
});

interface Refused {
  name: string;
  lines: string[];
  problem: RegExp;
  /** The file line the problem is reported on. */
  line: number;
  /** The value the suggested fix gives back, whole; undefined when the fix is not a quoted line. */
  fixed?: string;
  /** The file lines the suggested line replaces (default: the problem's line). */
  replaces?: [number, number];
  /** Where the fixed value lands (default: the title). */
  key?: "searchTerms";
}

const refused: Refused[] = [
  {
    name: "a comment after a plain title",
    lines: ["title: Cookies #1 and You"],
    problem: /`#1 and You` after a value starts a YAML comment, so it would be left out of the page/,
    line: 4,
    fixed: "Cookies #1 and You",
  },
  {
    name: "a comment after a description",
    lines: ["title: Cookies", "description: All about cookies # and more"],
    problem: /`# and more` after a value starts a YAML comment/,
    line: 5,
  },
  {
    name: "a comment after a quoted title",
    lines: ['title: "Cookies" #1'],
    problem: /`#1` after a value starts a YAML comment/,
    line: 4,
    fixed: '"Cookies" #1',
  },
  {
    name: "a comment indented under a plain title",
    lines: ["title: Cookies", "  #1 and You"],
    problem: /`#1 and You` indented inside a value starts a YAML comment/,
    line: 5,
    fixed: "Cookies #1 and You",
    replaces: [4, 5],
  },
  {
    name: "a line starting with # and no space after it",
    lines: ["title: Cookies", "#1 and You"],
    problem: /`#1 and You` at the start of a line, without a space after the `#`, starts a YAML comment/,
    line: 5,
    fixed: "Cookies #1 and You",
    replaces: [4, 5],
  },
  {
    name: "a comment after a search term",
    lines: ["title: Cookies", "searchTerms:", "  - block #cookies"],
    problem: /`#cookies` after a value starts a YAML comment/,
    line: 6,
    fixed: "block #cookies",
    key: "searchTerms",
  },
  {
    name: "an unquoted colon and space",
    lines: ["title: Cookies: What They Are"],
    problem:
      /the value `Cookies: What They Are` contains “:” followed by a space, which YAML reads as the start of another key/,
    line: 4,
    fixed: "Cookies: What They Are",
  },
  {
    name: "a colon at the end of the value",
    lines: ["title: Note:"],
    problem: /contains “:” followed by a space/,
    line: 4,
    fixed: "Note:",
  },
  {
    name: "an unquoted colon in a search term",
    lines: ["title: Cookies", "searchTerms:", "  - turn off: cookies"],
    problem: /this item must be text, but YAML reads it as `key: value` pairs/,
    line: 6,
    fixed: "turn off: cookies",
    key: "searchTerms",
  },
  {
    name: "an anchor",
    lines: ["title: &Co Privacy"],
    problem: /starts with `&`, which YAML reads as an anchor name, and drops it from the text/,
    line: 4,
    fixed: "&Co Privacy",
  },
  {
    name: "an alias",
    lines: ["title: *Important* notice"],
    problem: /starts with `\*`, which YAML reads as a reference to an anchor/,
    line: 4,
    fixed: "*Important* notice",
  },
  { name: "a lone alias", lines: ["title: *ref"], problem: /starts with `\*`/, line: 4, fixed: "*ref" },
  {
    name: "a tag",
    lines: ["title: !important notice"],
    problem: /starts with `!`, which YAML reads as a type tag, and drops it from the text/,
    line: 4,
    fixed: "!important notice",
  },
  { name: "a standard tag", lines: ["title: !!str 1984"], problem: /starts with `!`/, line: 4 },
  {
    name: "a bracket at the start",
    lines: ["title: [Draft] Cookies"],
    problem: /starts with `\[`, which YAML reads as the start of a list/,
    line: 4,
    fixed: "[Draft] Cookies",
  },
  {
    name: "a brace at the start",
    lines: ["title: {Draft} Cookies"],
    problem: /starts with `\{`/,
    line: 4,
    fixed: "{Draft} Cookies",
  },
  { name: "an at sign at the start", lines: ["title: @home"], problem: /starts with `@`/, line: 4, fixed: "@home" },
  {
    name: "a backtick at the start",
    lines: ["title: `code`"],
    problem: /starts with `` ` ``|starts with ```/,
    line: 4,
    fixed: "`code`",
  },
  {
    name: "a percent sign at the start",
    lines: ["title: %20 off"],
    problem: /starts with `%`/,
    line: 4,
    fixed: "%20 off",
  },
  {
    name: "a block indicator with text after it",
    lines: ["title: > Cookies"],
    problem: /starts with `>`/,
    line: 4,
    fixed: "> Cookies",
  },
  {
    name: "text after a closing quote",
    lines: ['title: "Cookies" and You'],
    problem: /there is text after the closing quote of `"Cookies" and You`/,
    line: 4,
    fixed: '"Cookies" and You',
  },
  {
    name: "an unclosed quote",
    lines: ['title: "Cookies'],
    problem: /the quote that opens `"Cookies` is never closed/,
    line: 4,
    fixed: "Cookies",
  },
  {
    name: "an unclosed quote before other keys",
    lines: ["title: 'Cookies", "description: More."],
    problem: /the quote that opens `'Cookies` is never closed/,
    line: 4,
    fixed: "Cookies",
  },
  {
    name: "null",
    lines: ["title: null"],
    problem: /`title` is `null`, which YAML reads as no value/,
    line: 4,
    fixed: "null",
  },
  {
    name: "a tilde",
    lines: ["title: ~"],
    problem: /`title` is `~`, which YAML reads as no value/,
    line: 4,
    fixed: "~",
  },
  { name: "an empty title", lines: ["title:"], problem: /`title` has no value/, line: 4 },
  {
    name: "a YAML document end",
    lines: ["title: Cookies", "...", "description: x"],
    problem: /this line ends the YAML of the front matter, so what follows it would be dropped/,
    line: 5,
  },
  {
    name: "a title given twice",
    lines: ["title: Cookies", "title: Biscuits"],
    problem: /`title` is given twice \(also on line 4\)/,
    line: 5,
  },
  {
    name: "a tab indenting a key",
    lines: ["title: Cookies", "\tdescription: x"],
    problem: /a tab indents this line/,
    line: 5,
  },
  {
    name: "an indented key",
    lines: ["title: Cookies", "  description: x"],
    problem: /this line is indented, so YAML reads it as part of the value on the line above/,
    line: 5,
  },
  {
    name: "a control character",
    lines: ['title: "Cookies\\u0007"'],
    problem: /`title` contains an invisible control character \(U\+0007\)/,
    line: 4,
  },
  {
    name: "a right-to-left override",
    lines: ["title: Cookies \u202e and You"],
    problem: /invisible control character \(U\+202E\)/,
    line: 4,
  },
  {
    name: "a title YAML reads as a list",
    lines: ["title:", "  - Cookies"],
    problem: /`title` must be text, but YAML reads it as a list/,
    line: 5,
  },
  {
    name: "a mistyped key",
    lines: ["titel: Cookies"],
    problem: /unknown key `titel`[\s\S]*→ Did you mean `title`\?/,
    line: 4,
  },
  {
    name: "a key in capitals",
    lines: ["Title: Cookies"],
    problem: /unknown key `Title`[\s\S]*→ Did you mean `title`\?/,
    line: 4,
  },
];

describe("front matter that would lose or alter text is refused at its line, with a fix that works", () => {
  it.each(refused)("$name", ({ lines, problem, line, fixed, replaces, key }) => {
    const { section, problems } = read(lines);
    expect(section).toBeUndefined();
    const found = problems.find((p) => problem.test(p.message));
    expect(found, problems.map((p) => p.message).join("\n")).toBeDefined();
    expect(found!.line).toBe(line);
    expect(found!.hint.length).toBeGreaterThan(20);
    if (fixed === undefined) return;
    const suggestion = suggestedLine(found!.hint);
    expect(suggestion, found!.hint).toBeDefined();
    const [from, to] = replaces ?? [line, line];
    const fileLines = sectionFile(lines).split("\n");
    const indent = /^\s*/.exec(fileLines[from - 1])![0];
    fileLines.splice(from - 1, to - from + 1, indent + suggestion!);
    const again = readSection("a.md", fileLines.join("\n"));
    expect(again.problems.map((p) => p.message)).toEqual([]);
    expect(key ? again.section!.searchTerms?.[0] : again.section!.title).toBe(fixed);
  });

  it("reports each problem once, at its own line, all at once", () => {
    const { problems } = read(["title: Cookies #1", "description:", "searchTerms:", "  - &x y", "titel: x"]);
    expect(problems.map((p) => p.line)).toEqual([4, 5, 7, 8]);
  });

  it("lists YAML's own problems first, when the YAML does not parse: its keys cannot be trusted", () => {
    const { problems } = read(["title: Cookies #1", "description: a: b", "titel: x"]);
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [4, expect.stringMatching(/starts a YAML comment/)],
      [5, expect.stringMatching(/contains “:” followed by a space/)],
    ]);
  });

  it.each([
    [
      '"2"',
      /`order` must be a whole number from 1, written without quotes[\s\S]*→ Write it as digits alone, e.g. `order: 2`/,
    ],
    ["0x2", /`order` must be a whole number from 1\n/],
    ["1.5", /`order` must be a whole number from 1\n/],
    ["second", /`order` must be a whole number from 1\n/],
    ["0", /`order` must be 1 or more/],
  ])("refuses the order %s", (order, problem) => {
    const { problems } = readSection("a.md", `---\nid: a\norder: ${order}\ntitle: A\n---\n\nText.\n`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[3, expect.stringMatching(problem)]]);
  });

  it("says the front matter is missing a key at its first line", () => {
    const { problems } = read(["description: Only this."]);
    expect(problems.map((p) => [p.line, p.problem])).toEqual([[1, "`title` is missing"]]);
  });
});

describe("quoting text for YAML", () => {
  it.each([
    ["Cookies #1 and You", '"Cookies #1 and You"'],
    ['"Cookies" and You', `'"Cookies" and You'`],
    [`It's "yours"`, `"It's \\"yours\\""`],
    ["back\\slash", "'back\\slash'"],
    ["bell\u0007", '"bell\\u0007"'],
  ])("quotes %j so YAML reads it back whole", (text, quoted) => {
    expect(quoteYaml(text)).toBe(quoted);
    const { section } = read([`title: ${quoteYaml(text)}`]);
    if (!text.includes("\u0007")) expect(section?.title).toBe(text);
  });

  it("splits a line where its value starts", () => {
    expect(splitValueLine("title: Cookies: What")).toEqual({ prefix: "title: ", value: "Cookies: What" });
    expect(splitValueLine("  - turn off: cookies  ")).toEqual({ prefix: "- ", value: "turn off: cookies" });
    expect(splitValueLine('"title": x')).toEqual({ prefix: '"title": ', value: "x" });
    expect(splitValueLine("just text")).toBeUndefined();
  });

  it("finds the key a typo meant", () => {
    expect(closestKey("titel")).toBe("title");
    expect(closestKey("SearchTerms")).toBe("searchTerms");
    expect(closestKey("colour")).toBeUndefined();
  });
});
