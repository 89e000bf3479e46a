import { describe, expect, it } from "vitest";
import { checkSections, orderSections } from "../../src/content/policy-rules.ts";
import type { SourceSection } from "../../src/content/read-sections.ts";
import { ContentErrors } from "../../src/lib/problems.ts";
import { renderPolicy } from "../../src/render/policy.ts";

/** Checks then renders, as the build does: every problem at once. */
const buildPolicy = (sources: SourceSection[]) => {
  const checked = checkSections(sources);
  if (checked.problems.length > 0) throw new ContentErrors(checked.problems);
  return renderPolicy(checked.sections);
};
const problemsOf = (sources: SourceSection[]) => checkSections(sources).problems.map((p) => p.message);

const section = (id: string, order: number, body = "Text.", file = `${order}-${id}.md`): SourceSection => ({
  id,
  order,
  title: `Title ${id}`,
  file,
  body,
  bodyLine: 6,
});

describe("section ordering", () => {
  it("orders sections by their order field, not by file name", () => {
    const { ordered, problems } = orderSections([
      section("c", 30, "", "a.md"),
      section("a", 10, "", "c.md"),
      section("b", 20, "", "b.md"),
    ]);
    expect(ordered.map((s) => s.id)).toEqual(["a", "b", "c"]);
    expect(problems).toEqual([]);
  });

  it("refuses two sections with the same id, naming both files", () => {
    const { problems } = orderSections([section("same", 1, "", "one.md"), section("same", 2, "", "two.md")]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^two\.md:1: the id `same` is already used by one\.md/),
    ]);
  });

  it("refuses two sections with the same order", () => {
    const { problems } = orderSections([section("a", 1), section("b", 1, "", "b.md")]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^b\.md:1: the order 1 is already used by 1-a\.md/),
    ]);
  });
});

describe("the policy", () => {
  const policy = buildPolicy([
    section("second", 2, "## Clause B {#clause-b}"),
    section("first", 1, "Intro.\n\n## Clause A {#clause-a}"),
  ]);

  it("links each section to its neighbours", () => {
    expect(policy.sections.map((s) => [s.previous?.id ?? null, s.id, s.next?.id ?? null])).toEqual([
      [null, "first", "second"],
      ["first", "second", null],
    ]);
    expect(policy.sections[0].url).toBe("/first/");
    expect(policy.sections.map((s) => s.position)).toEqual([1, 2]);
  });

  it("renders clauses as h2 on the section page and h3 inside the whole policy", () => {
    const [first] = policy.sections;
    expect(first.clauses).toEqual([{ id: "clause-a", text: "Clause A", level: 2, number: "1.a" }]);
    expect(first.inPolicy.clauses).toEqual([{ id: "clause-a", text: "Clause A", level: 3, number: "1.a" }]);
    expect(first.inPolicy.headingHtml).toMatch(
      /<h2 id="first" tabindex="-1"><span class="clause-number" data-pagefind-ignore>1<\/span> Title first<\/h2>/,
    );
    expect(first.inPolicy.html).toMatch(
      /<h3 id="clause-a" tabindex="-1"><span class="clause-number"[^>]*>1\.a<\/span> /,
    );
    expect(first.html).toMatch(/<h2 id="clause-a" tabindex="-1"><span class="clause-number"[^>]*>1\.a<\/span> /);
  });

  it("reads each section's link definitions in that section alone, on the whole-policy page as on its own", () => {
    const [first, second] = buildPolicy([
      section("first", 1, "See [the terms][terms].\n\n[terms]: https://example.com/terms"),
      section("second", 2, "As in [terms], nothing more."),
    ]).sections;
    expect(first.inPolicy.html).toContain('<a href="https://example.com/terms">the terms</a>');
    expect(second.html).toContain("As in [terms], nothing more.");
    expect(second.inPolicy.html).toContain("As in [terms], nothing more.");
  });

  it("keeps each section's notes at the end of that section on the whole-policy page", () => {
    const [first, second] = buildPolicy([
      section("first", 1, "We keep logs.[^keep]\n\n[^keep]: For thirty days."),
      section("second", 2, "We share nothing.[^share]\n\n[^share]: Except as the law requires."),
    ]).sections;
    expect(first.inPolicy.html).toContain("For thirty days.");
    expect(first.inPolicy.html).not.toContain("Except as the law requires.");
    expect(second.inPolicy.html).toContain("Except as the law requires.");
    expect(second.inPolicy.html).not.toContain("For thirty days.");
  });

  it("refuses a clause id used twice across the whole policy, naming both files", () => {
    expect(() => buildPolicy([section("a", 1, "## X {#dup}"), section("b", 2, "## Y {#dup}", "b.md")])).toThrow(
      /^b\.md:6: the id `dup` \(clause id\) is already used by clause id in 1-a\.md:6/m,
    );
  });

  it("refuses a clause id equal to a section id", () => {
    expect(() => buildPolicy([section("a", 1, "## X {#b}"), section("b", 2)])).toThrow(
      /the id `b` \(clause id\) is already used by section id/,
    );
  });

  it("checks the Markdown before rendering it", () => {
    expect(() => buildPolicy([section("a", 1, "# Title {#t}")])).toThrow(/1-a\.md:6: a level-1 heading/);
  });

  it("finds every problem of every section in one pass, not only the first", () => {
    expect(
      problemsOf([
        section("a", 1, "# Title {#t}\n\nText {.note}\n\n[x](javascript:alert(1))"),
        section("b", 1, "## Clause {#a}", "b.md"),
      ]),
    ).toEqual([
      expect.stringMatching(/^b\.md:1: the order 1 is already used by 1-a\.md/),
      expect.stringMatching(/^1-a\.md:6: a level-1 heading/),
      expect.stringMatching(/^1-a\.md:8: the attribute `\{\.note\}` is not supported/),
      expect.stringMatching(/^b\.md:6: the id `a` \(clause id\) is already used by section id in 1-a\.md/),
      expect.stringMatching(/^1-a\.md:10: the link `javascript:alert\(1\)` uses the `javascript:` scheme/),
    ]);
  });
});
