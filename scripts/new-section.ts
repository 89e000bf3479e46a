// npm run new-section -- "Title" [--id short-id] [--content-dir dir]: adds the next section file.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { shownFolder } from "../src/content/content-files.ts";
import { planNewSection } from "../src/content/new-section.ts";
import { contentFolderRules } from "../src/content/read-policy.ts";
import { readContentFolder } from "../src/content/read-sections.ts";
import { runCommand } from "../src/lib/command.ts";
import { ContentError, ContentErrors } from "../src/lib/problems.ts";
import { readNewSectionOptions } from "../src/options.ts";

await runCommand(() => {
  const { title, id, contentDir } = readNewSectionOptions(process.argv.slice(2), process.env);
  if (!existsSync(contentDir)) {
    throw new ContentError(
      contentDir,
      "the content folder does not exist",
      "Create it, or point --content-dir at the policy's folder.",
    );
  }
  const fileNames = readdirSync(contentDir);
  // Every section's front matter must read, so the new order and id are never a guess.
  const read = readContentFolder(contentDir, contentFolderRules(contentDir, shownFolder(contentDir)));
  if (read.unread.ids.length > 0 || read.unread.someUnknown) throw new ContentErrors(read.problems);
  const planned = planNewSection(title, { fileNames, sections: read.sections }, id);
  const file = path.join(contentDir, planned.fileName);
  writeFileSync(file, planned.text, { flag: "wx" });
  console.log(`Created ${path.relative(process.cwd(), file)} (id: ${planned.id}, order: ${planned.order}).`);
  console.log(
    "Replace its placeholder line with the section's text (the build refuses it until then), give each clause heading an id (## Heading {#id}), then npm start to see it.",
  );
});
