import { ContentError } from "../lib/problems.ts";
import type { ScannedSection } from "./policy-rules.ts";

/**
 * Every clause named in a section's `clauseSearchTerms` is a clause of that section: words kept
 * for a clause that is not there (a typo, a clause since renamed or moved) would be lost without
 * a word, and readers' searches with them would land nowhere.
 */
export function checkClauseSearchTerms(sections: readonly ScannedSection[]): void {
  for (const { source, scan } of sections) {
    const clauseIds = scan.headings.map((heading) => heading.id);
    for (const clauseId of Object.keys(source.clauseSearchTerms ?? {})) {
      if (clauseIds.includes(clauseId)) continue;
      throw new ContentError(
        source.file,
        `\`clauseSearchTerms\` names \`${clauseId}\`, which is not a clause id in this section`,
        `Use one of this section's clause ids: ${clauseIds.map((id) => `\`${id}\``).join(", ") || "(none: put the words in `searchTerms`)"}.`,
      );
    }
  }
}
