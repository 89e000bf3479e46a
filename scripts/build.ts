// npm run build [-- --validate-html]: the site into dist/, atomically. Content mistakes and failed
// post-build checks print as themselves and exit 1.
import { parseArgs } from "node:util";
import { buildSite } from "../src/build-site.ts";
import { SiteCheckError } from "../src/checks/post-build-checks.ts";
import { ContentError } from "../src/content-error.ts";

let values: { "validate-html": boolean };
try {
  ({ values } = parseArgs({ options: { "validate-html": { type: "boolean", default: false } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run build [-- --validate-html]`);
  process.exit(2);
}

try {
  const started = performance.now();
  const { outDir, searchPages } = await buildSite({
    outDir: process.env.OUTPUT_DIR || "dist",
    contentDir: process.env.POLICY_CONTENT_DIR || undefined,
    validateHtml: values["validate-html"],
    quiet: false,
  });
  console.log(`Built ${outDir} (${searchPages} pages searchable) in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
  const known = findKnownError(error);
  console.error(known ? `\nBuild failed: ${known.message}\n` : error);
  console.error("The previous site (if any) was left as it was.");
  process.exitCode = 1;
}

/** A mistake the reader can fix from its message alone, so no stack trace is shown. */
function findKnownError(error: unknown): ContentError | SiteCheckError | undefined {
  for (let e = error; e instanceof Error; e = e.cause)
    if (e instanceof ContentError || e instanceof SiteCheckError) return e;
  return undefined;
}
