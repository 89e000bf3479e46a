// npm run new-section -- "Title" [--id short-id] [--content-dir dir]: adds the next section file.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { planNewSection } from "../src/content/new-section.ts";
import { readContentDir } from "../src/content/read-sections.ts";
import { runCommand } from "../src/lib/command.ts";
import { ContentError } from "../src/lib/problems.ts";
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
  const fileNames = readdirSync(contentDir).filter((name) => name.endsWith(".md"));
  // Reading the existing sections checks their front matter too, so the new order is never a guess.
  const sections = fileNames.length > 0 ? readContentDir(contentDir) : [];
  const planned = planNewSection(title, { fileNames, sections }, id);
  const file = path.join(contentDir, planned.fileName);
  writeFileSync(file, planned.text, { flag: "wx" });
  console.log(`Created ${path.relative(process.cwd(), file)} (id: ${planned.id}, order: ${planned.order}).`);
  console.log("Write its text, give each clause heading an id (## Heading {#id}), then npm start to see it.");
});
