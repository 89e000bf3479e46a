import { describe, expect, it } from "vitest";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { scanMarkdown } from "../../src/content/markdown-rules.ts";
import { checkSections } from "../../src/content/policy-rules.ts";
import type { SourceSection } from "../../src/content/read-sections.ts";

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
    expect(problems({ "Business Transfers": ["merger"] })[0]).toMatch(/`Business Transfers` is not an id/);
    expect(problems({ "business-transfers": [""] })).toEqual([
      "`clauseSearchTerms.business-transfers.0` must not be empty",
    ]);
  });
});
