import { describe, expect, it } from "vitest";
import { checkIds } from "../../src/content/id-rules.ts";
import { anchorsBySection, checkLinks, linkProblem } from "../../src/content/link-rules.ts";
import { scanMarkdown } from "../../src/content/markdown-rules.ts";
import { checkSections, type ScannedSection } from "../../src/content/policy-rules.ts";
import type { SourceSection } from "../../src/content/read-sections.ts";
import type { ContentError } from "../../src/lib/problems.ts";

const section = (id: string, body: string, aliases?: Record<string, string>): ScannedSection => {
  const source: SourceSection = { id, order: 1, title: id, file: `${id}.md`, body, bodyLine: 6, aliases };
  return { source, scan: scanMarkdown(body, source.bodyLine) };
};

const policy = [
  section("cookies", "Intro.\n\n## Refusing cookies {#refusing}\n", { "old-refusing": "refusing" }),
  section("sharing", "## Business Transfers {#business-transfers}\n"),
];
const anchors = anchorsBySection(policy);
const messages = (problems: ContentError[]): string[] => problems.map((p) => p.message);
const problem = (href: string, from = "cookies") => linkProblem(href, from, anchors)?.problem;

describe("links in the policy", () => {
  it.each([
    "https://example.com/",
    "http://example.com/a?b#c",
    "mailto:privacy@example.com",
    "tel:+15550100",
    "/",
    "/#contents",
    "/#sharing",
    "/#business-transfers",
    "/#old-refusing",
    "/sharing/",
    "/sharing/#business-transfers",
    "/cookies/#old-refusing",
    "/search/",
    "#refusing",
    "#old-refusing",
  ])("accept %s", (href) => {
    expect(problem(href)).toBeUndefined();
  });

  it.each([
    ["javascript:alert(1)", /`javascript:` scheme, which is not allowed/],
    ["JavaScript:alert(1)", /`javascript:` scheme/],
    ["java\tscript:alert(1)", /`javascript:` scheme/],
    ["data:text/html,hi", /`data:` scheme/],
    ["data:image/png;base64,AAAA", /`data:` scheme/],
    ["vbscript:msgbox", /`vbscript:` scheme/],
    ["file:///etc/passwd", /`file:` scheme/],
    ["//example.com/", /not a full address or a site link/],
    ["cookies/", /not a full address or a site link/],
    ["", /not a full address/],
    ["/cookie/", /section `cookie` that does not exist/],
    ["/sharing", /lacks the slash/],
    ["/sharing/?q=1", /does not point to a page of this site/],
    ["/sharing/#refusing", /`#refusing`, which is not an id in the section `sharing`/],
    ["/#nowhere", /`#nowhere`, which is not an id in the whole policy/],
    ["#nowhere", /`#nowhere`, which is not an id in this section/],
    ["#business-transfers", /not an id in this section/],
    ["#in-this-section", /not an id in this section/],
  ])("refuse %j", (href, expected) => {
    expect(problem(href)).toMatch(expected);
  });

  it("tell the author where a clause of another section lives", () => {
    expect(linkProblem("#business-transfers", "cookies", anchors)?.hint).toContain("`/sharing/#business-transfers`");
  });

  it("leave a link into a section that could not be read to that section's own problem", () => {
    const bad = section("terms", "See [this](/nope/), [that](/#gone) and [there](/sharing/#gone).\n");
    expect(messages(checkLinks([...policy, bad], { ids: ["nope"], someUnknown: false }))).toEqual([
      expect.stringMatching(
        /the link `\/sharing\/#gone` points to `#gone`, which is not an id in the section `sharing`/,
      ),
    ]);
    expect(messages(checkLinks([...policy, bad], { ids: [], someUnknown: true }))).toEqual([]);
  });

  it("are all checked, naming the file and line of the first bad one", () => {
    const bad = section("terms", "Fine [link](/cookies/).\n\nSee [this](/nope/).\n");
    expect(messages(checkLinks([...policy, bad]))).toEqual([
      expect.stringMatching(/^terms\.md:8: the link `\/nope\/` points to a section `nope` that does not exist/),
    ]);
  });
});

describe("ids across the policy", () => {
  it("accept distinct section, clause and alias ids", () => {
    expect(checkIds(policy)).toEqual([]);
  });

  it("refuse a clause id used twice, naming both places", () => {
    const twice = section("terms", "## Again {#refusing}\n");
    expect(messages(checkIds([...policy, twice]))).toEqual([
      expect.stringMatching(
        /^terms\.md:6: the id `refusing` \(clause id\) is already used by clause id in cookies\.md:8/,
      ),
    ]);
  });

  it("refuse a clause id equal to a section id", () => {
    expect(messages(checkIds([...policy, section("terms", "## Sharing {#sharing}\n")]))).toEqual([
      expect.stringMatching(/the id `sharing` \(clause id\) is already used by section id in sharing\.md/),
    ]);
  });

  it.each(["contents", "in-this-section", "provenance", "main"])("refuse the layout's id %s", (id) => {
    expect(messages(checkIds([section("terms", `## Clause {#${id}}\n`)]))).toEqual([
      expect.stringMatching(new RegExp(`the id \`${id}\` \\(clause id\\) is already used by the page layout`)),
    ]);
  });

  it.each(["search", "assets", "pagefind"])("refuse the section id %s, a folder of the site", (id) => {
    expect(messages(checkIds([section(id, "Text.\n")]))).toEqual([expect.stringMatching(/taken by the site's own/)]);
  });

  it("refuse an alias that points to no clause of its section", () => {
    expect(messages(checkIds([section("terms", "## A {#a}\n", { old: "business-transfers" })]))).toEqual([
      expect.stringMatching(
        /terms\.md: the alias `old` points to `business-transfers`, which is not a clause id in this section\n {2}→ .*`a`/,
      ),
    ]);
  });

  it("refuse an alias that is a clause id as well", () => {
    expect(messages(checkIds([...policy, section("terms", "## A {#a}\n", { "business-transfers": "a" })]))).toEqual([
      expect.stringMatching(/the id `business-transfers` \(alias\) is already used by clause id/),
    ]);
  });

  it("are all reported with the links, in one pass", () => {
    const { problems } = checkSections([
      section("a", "## X {#x} \n\n[y](#nowhere)").source,
      section("b", "## X {#x}").source,
    ]);
    expect(messages(problems)).toEqual([
      expect.stringMatching(/^b\.md:1: the order 1 is already used by a\.md/),
      expect.stringMatching(/^b\.md:6: the id `x` \(clause id\) is already used/),
      expect.stringMatching(/^a\.md:8: the link `#nowhere` points to `#nowhere`/),
    ]);
  });
});
