import { ContentError } from "../lib/problems.ts";
import { termId } from "./ids.ts";
import type { ScannedSection } from "./policy-rules.ts";

/**
 * A term is defined once in the whole policy: its definition has one address (`#term_…`, from its
 * words), and every first use in every section links there. Two terms whose words make the same
 * id (“Cookie” and “cookie”) are the same term.
 */
export function checkTerms(sections: readonly ScannedSection[]): ContentError[] {
  const problems: ContentError[] = [];
  const defined = new Map<string, { file: string; line: number; text: string }>();
  for (const { source, scan } of sections) {
    for (const term of scan.rich.terms) {
      const id = termId(term.text);
      const other = defined.get(id);
      if (other) {
        problems.push(
          new ContentError(
            source.file,
            `the term “${term.text}” is already defined in ${other.file}:${other.line}${other.text === term.text ? "" : ` (as “${other.text}”)`}`,
            "Define each term once; the policy links every section's first use of it to that one definition.",
            term.line,
          ),
        );
        continue;
      }
      defined.set(id, { file: source.file, line: term.line, text: term.text });
    }
  }
  return problems;
}
