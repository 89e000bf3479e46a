import { writeFileSync } from "node:fs";
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { collectAssets, writeAssets } from "./src/assets.ts";
import { filtersPlugin } from "./src/filters.ts";
import { markdown } from "./src/markdown.ts";
import { cacheCompiledTemplates, type NunjucksTemplateClass } from "./src/nunjucks-cache.ts";
import { loadHistoryOnce, loadPolicyOnce } from "./src/policy-cache.ts";
import { buildSearchIndex } from "./src/search-index.ts";
import { contentSecurityPolicy, headerRules, renderHeadersFile } from "./src/security-headers.ts";
import { loadSite, normalizePathPrefix } from "./src/site.ts";

export default function (eleventyConfig: UserConfig) {
  // Read per build, not per import: tests and the benchmark build other content folders in one process.
  const contentDir = process.env.POLICY_CONTENT_DIR || "content";

  // The policy is data, not templates: src/policy.ts reads, checks and renders it, so legal
  // text never passes through a template engine and `{{ }}` in it stays literal.
  eleventyConfig.addGlobalData("site", () => loadSite(contentDir));
  eleventyConfig.addGlobalData("policy", () => loadPolicyOnce(contentDir));
  eleventyConfig.addWatchTarget(contentDir);
  // Rebuild once a save has been still for 50 ms rather than Eleventy's 150 ms: the edit-to-page
  // target is 300 ms (docs/performance.md). https://www.11ty.dev/docs/watch-serve/
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  // Earlier versions live in their own folders (README, "Revisions"), never in git history.
  const historyDir = process.env.POLICY_HISTORY_DIR || "history";
  eleventyConfig.addGlobalData("history", () => loadHistoryOnce(contentDir, historyDir));
  eleventyConfig.addWatchTarget(historyDir);
  // Its date filter for the Atom feed of changes (pages/history/feed.njk). https://www.11ty.dev/docs/plugins/rss/
  eleventyConfig.addPlugin(rssPlugin);

  // Our CSS/JS/icons get content-hashed names; layouts look them up by plain name.
  const pathPrefix = normalizePathPrefix(process.env.PATH_PREFIX);
  const assetsDir = path.join(import.meta.dirname, "assets");
  // The files written are the ones the templates were given, collected once per build.
  let assets: ReturnType<typeof collectAssets> | undefined;
  eleventyConfig.addGlobalData("assets", () => (assets = collectAssets(assetsDir, pathPrefix)));
  eleventyConfig.addWatchTarget(assetsDir);
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) =>
    writeAssets(assets ?? collectAssets(assetsDir, pathPrefix), directories.output),
  );

  // Response headers for Netlify and Cloudflare Pages; the same rules are in the page as a meta
  // CSP for hosts that ignore `_headers` (GitHub Pages). src/security-headers.ts says why each is there.
  eleventyConfig.addGlobalData("csp", () => contentSecurityPolicy({ forMeta: true }));
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) =>
    writeFileSync(path.join(directories.output, "_headers"), renderHeadersFile(headerRules(pathPrefix))),
  );

  // Each Nunjucks template compiled once, not once per section page (src/nunjucks-cache.ts).
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks }: { nunjucks: { Template: NunjucksTemplateClass } }) =>
    cacheCompiledTemplates(nunjucks.Template),
  );

  // The same markdown-it instance the tests check. https://www.11ty.dev/docs/languages/markdown/
  eleventyConfig.setLibrary("md", markdown);
  eleventyConfig.addPlugin(filtersPlugin);

  // Rewrites root-relative URLs in the HTML for PATH_PREFIX. https://www.11ty.dev/docs/plugins/html-base/
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // `npm start` re-indexes after each rebuild so search matches what was just saved.
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      if (runMode !== "build") await buildSearchIndex(directories.output, { language: loadSite(contentDir).lang });
    },
  );

  return {
    dir: { input: "pages", includes: "../layouts", output: "dist" },
    pathPrefix,
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    markdownTemplateEngine: false,
  };
}
