import { ContentError } from "../lib/problems.ts";
import type { ScannedSection } from "./policy-rules.ts";

/**
 * Every clause named in a section's `clauseSearchTerms` is a clause of that section: words kept
 * for a clause that is not there (a typo, a clause since renamed or moved) would be lost without
 * a word, and readers' searches with them would land nowhere.
 */
export function checkClauseSearchTerms(sections: readonly ScannedSection[]): ContentError[] {
  return sections.flatMap(({ source, scan }) => {
    const clauseIds = scan.headings.flatMap((heading) => (heading.id ? [heading.id] : []));
    return Object.keys(source.clauseSearchTerms ?? {})
      .filter((clauseId) => !clauseIds.includes(clauseId))
      .map(
        (clauseId) =>
          new ContentError(
            source.file,
            `\`clauseSearchTerms\` names \`${clauseId}\`, which is not a clause id in this section`,
            `Use one of this section's clause ids: ${clauseIds.map((id) => `\`${id}\``).join(", ") || "(none: put the words in `searchTerms`)"}.`,
          ),
      );
  });
}
