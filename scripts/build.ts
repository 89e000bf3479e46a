// npm run build: the site into dist/, atomically. Content mistakes print as themselves and exit 1.
import { buildSite } from "../src/build-site.ts";
import { ContentError } from "../src/content-error.ts";

try {
  const started = performance.now();
  const { outDir, searchPages } = await buildSite({
    outDir: process.env.OUTPUT_DIR || "dist",
    contentDir: process.env.POLICY_CONTENT_DIR || undefined,
    quiet: false,
  });
  console.log(`Built ${outDir} (${searchPages} pages searchable) in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
  const content = error instanceof ContentError ? error : findContentError(error);
  console.error(content ? `\nBuild failed: ${content.message}\n` : error);
  console.error("The previous site (if any) was left as it was.");
  process.exitCode = 1;
}

function findContentError(error: unknown): ContentError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof ContentError) return e;
  return undefined;
}
