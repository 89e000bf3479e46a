// npm run record-ids: adds every current section and clause id to the content's published-ids.json.
// Ids are never removed: a link once shared must keep landing (see docs/editing.md).
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  PUBLISHED_IDS_FILE,
  readPublishedIds,
  recordPublishedIds,
  unrecordedIds,
} from "../src/content/published-ids.ts";
import { runCommand } from "../src/lib/command.ts";
import { readSiteOptions } from "../src/options.ts";
import { loadPolicy } from "../src/pipeline/load-policy.ts";
import { sectionIds } from "../src/render/policy.ts";

await runCommand(() => {
  const { contentDir } = readSiteOptions(process.env);
  // Loading checks the content, including that no id already published has gone missing.
  const sections = sectionIds(loadPolicy(contentDir));
  const previous = readPublishedIds(contentDir)?.ids ?? {};
  const added = unrecordedIds(previous, sections);
  const file = path.join(contentDir, PUBLISHED_IDS_FILE);
  writeFileSync(file, `${JSON.stringify(recordPublishedIds(previous, sections), null, 2)}\n`);
  console.log(
    added.length ? `Recorded ${added.length} new id(s):\n  ${added.join("\n  ")}` : "Every id was already recorded.",
  );
});
