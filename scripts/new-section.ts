// npm run new-section -- "Title" [--id short-id] [--content-dir dir]: adds the next section file.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../src/build-site.ts";
import { ContentError } from "../src/content-error.ts";
import { planNewSection } from "../src/new-section.ts";
import { readContentDir } from "../src/read-content.ts";

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { id: { type: "string" }, "content-dir": { type: "string" } },
  });
  const contentDir = path.resolve(
    values["content-dir"] ?? (process.env.POLICY_CONTENT_DIR || path.join(projectRoot, "content")),
  );
  if (!existsSync(contentDir))
    throw new ContentError(
      contentDir,
      "the content folder does not exist",
      "Create it, or point --content-dir at the policy's folder.",
    );
  const fileNames = readdirSync(contentDir).filter((name) => name.endsWith(".md"));
  // Reading the existing sections checks their front matter too, so the new order is never a guess.
  const sections = fileNames.length > 0 ? readContentDir(contentDir) : [];
  const planned = planNewSection(positionals.join(" "), { fileNames, sections }, values.id);
  const file = path.join(contentDir, planned.fileName);
  writeFileSync(file, planned.text, { flag: "wx" });
  console.log(`Created ${path.relative(process.cwd(), file)} (id: ${planned.id}, order: ${planned.order}).`);
  console.log("Write its text, give each clause heading an id (## Heading {#id}), then npm start to see it.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
