import { checkSections } from "./policy-rules.ts";
import { readPublishedIds } from "./published-ids.ts";
import { readContentDir, type SourceSection } from "./read-sections.ts";

/**
 * The content stage for the current policy: every section file read, every rule checked, the ids
 * already published still there. The sections come back in policy order, ready to render.
 */
export function readPolicySource(contentDir: string): SourceSection[] {
  return checkSections(readContentDir(contentDir), readPublishedIds(contentDir));
}
