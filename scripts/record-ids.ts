// npm run record-ids: adds every current section and clause id to the content's published-ids.json.
// Ids are never removed: a link once shared must keep landing (see README, "Editing the policy").
import { writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/build-site.ts";
import { loadPolicy, sectionIds } from "../src/policy.ts";
import { PUBLISHED_IDS_FILE, readPublishedIds, recordPublishedIds, unrecordedIds } from "../src/published-ids.ts";

try {
  const contentDir = process.env.POLICY_CONTENT_DIR || path.join(projectRoot, "content");
  // Loading checks the content, including that no id already published has gone missing.
  const sections = sectionIds(loadPolicy(contentDir));
  const previous = readPublishedIds(contentDir)?.ids ?? {};
  const added = unrecordedIds(previous, sections);
  writeFileSync(
    path.join(contentDir, PUBLISHED_IDS_FILE),
    `${JSON.stringify(recordPublishedIds(previous, sections), null, 2)}\n`,
  );
  console.log(
    added.length ? `Recorded ${added.length} new id(s):\n  ${added.join("\n  ")}` : "Every id was already recorded.",
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
