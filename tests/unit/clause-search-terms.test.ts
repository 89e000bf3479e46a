import { describe, expect, it } from "vitest";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { scanMarkdown } from "../../src/content/markdown-rules.ts";
import { checkSections } from "../../src/content/policy-rules.ts";
import type { SourceSection } from "../../src/content/read-sections.ts";
import { readSection } from "../../src/content/read-sections.ts";

const section = (clauseSearchTerms: Record<string, string[]>): SourceSection => ({
  id: "sharing",
  order: 1,
  title: "Sharing",
  file: "content/03-sharing.md",
  body: "Intro.\n\n## Business Transfers {#business-transfers}\n\nText.\n",
  bodyLine: 8,
  clauseSearchTerms,
});

const problems = (terms: Record<string, string[]>) => checkSections([section(terms)]).problems;

describe("reader words for a clause", () => {
  it("are accepted for a clause of their own section", () => {
    expect(scanMarkdown(section({}).body, 8).headings.map((h) => h.id)).toEqual(["business-transfers"]);
    expect(problems({ "business-transfers": ["merger"] })).toEqual([]);
  });

  it("are refused for a clause the section does not have, naming the clauses it has", () => {
    const [error, ...more] = problems({ "busines-transfers": ["merger"], "busines-transfer": ["sold"] });
    expect(more).toHaveLength(1);
    expect(error.file).toBe("content/03-sharing.md");
    expect(error.message).toContain(
      "`clauseSearchTerms` names `busines-transfers`, which is not a clause id in this section",
    );
    expect(error.message).toContain("`business-transfers`");
  });

  it("are a list of words under each clause id, each problem said in an author's words", () => {
    const said = (value: unknown) => {
      const result = validateFrontMatter({ id: "a", order: 1, title: "A", clauseSearchTerms: value });
      return result.ok ? [] : result.problems.map((p) => p.message);
    };
    expect(said({ "business-transfers": ["merger", "taken over"] })).toEqual([]);
    expect(said(["merger"])).toEqual([
      "`clauseSearchTerms` must be clause ids, each with a list of words (`clause-id:` then `  - words` lines)",
    ]);
    expect(said({ "business-transfers": "merger" })).toEqual([
      "`clauseSearchTerms.business-transfers` must be a list of words (one `- words` per line)",
    ]);
    expect(said({ "Business Transfers": ["merger"] })[0]).toMatch(/`Business Transfers` is not an id/);
    expect(said({ "business-transfers": [""] })).toEqual([
      "`clauseSearchTerms.business-transfers.0` must not be empty",
    ]);
  });
});

describe("reader words for a clause, as written in a section file", () => {
  const text = (lines: string) => `---\nid: sharing\norder: 1\ntitle: Sharing\n${lines}\n---\n\nText.\n`;

  it("are read as each clause id with its words, exactly as typed", () => {
    const { section, problems } = readSection(
      "a.md",
      text("clauseSearchTerms:\n  business-transfers:\n    - merger\n    - 1984"),
    );
    expect(problems).toEqual([]);
    expect(section?.clauseSearchTerms).toEqual({ "business-transfers": ["merger", "1984"] });
  });

  it("are refused at the line of a key that is not a clause id, or of a value that is not a list", () => {
    const notId = readSection("a.md", text("clauseSearchTerms:\n  Business Transfers:\n    - merger")).problems;
    expect(notId.map((p) => [p.line, p.problem])).toEqual([
      [6, "`clauseSearchTerms`: `Business Transfers` is not an id"],
    ]);
    const notMap = readSection("a.md", text("clauseSearchTerms: merger")).problems;
    expect(notMap.map((p) => [p.line, p.problem])).toEqual([
      [5, "`clauseSearchTerms` must be clause ids, each with a list of words"],
    ]);
  });
});
