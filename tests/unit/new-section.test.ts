import { describe, expect, it } from "vitest";
import { planNewSection } from "../../src/content/new-section.ts";
import { readSection } from "../../src/content/read-sections.ts";

/** A planned file as the build reads it: its section, and its one problem, the placeholder. */
function parsed(fileName: string, text: string) {
  const { section, problems } = readSection(fileName, text);
  expect(problems.map((p) => p.problem)).toEqual([expect.stringMatching(/^the placeholder/)]);
  return section!;
}

const existing = {
  fileNames: ["01-information-we-gather.md", "02-cookies.md"],
  sections: [
    { id: "information-we-gather", order: 1 },
    { id: "cookies", order: 2 },
  ],
};

describe("planning a new section", () => {
  it("numbers the file after the last section and derives the id from the title", () => {
    const planned = planNewSection("Children's Privacy & You", existing);
    expect(planned).toMatchObject({
      fileName: "03-childrens-privacy-and-you.md",
      id: "childrens-privacy-and-you",
      order: 3,
    });
    expect(parsed(planned.fileName, planned.text)).toMatchObject({
      id: "childrens-privacy-and-you",
      order: 3,
      title: "Children's Privacy & You",
    });
  });

  it.each([
    'Notices: "Revisions" #2',
    "Cookies #1 and You",
    "1984",
    "true",
    "null",
    "2014-04-08",
    "&Co Privacy",
    "*Important*",
    "!Notice",
    "[Draft] Cookies",
    "- Dashes",
    "Ends with a colon:",
    "It's 'quoted'",
    "Back\\slash",
  ])("writes front matter that keeps the title %j whole", (title) => {
    expect(parsed("x.md", planNewSection(title, existing, "x").text).title).toBe(title);
  });

  it("starts at 01 in an empty policy and accepts a chosen id", () => {
    expect(
      planNewSection("Terms of Use, Notices, and Revisions", { fileNames: [], sections: [] }, "terms").fileName,
    ).toBe("01-terms.md");
  });

  it.each([
    ["an id that exists", "Cookies", undefined, /the id `cookies` is already taken/],
    ["an id the site uses", "Search", undefined, /the id `search` is already taken/],
    ["an empty title", "  ", undefined, /the title is empty/],
    ["an id that is not URL-safe", "Terms", "Terms Of Use", /`Terms Of Use` is not a valid id/],
  ])("refuses %s", (_, title, id, expected) => {
    expect(() => planNewSection(title, existing, id)).toThrow(expected);
  });
});
