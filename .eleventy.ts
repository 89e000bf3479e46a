import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import { filtersPlugin } from "./src/templates/filters.ts";
import { cacheCompiledTemplates, type NunjucksTemplateClass } from "./src/templates/nunjucks-cache.ts";

/**
 * Eleventy's part of the build: Nunjucks templates in pages/ and layouts/ turned into HTML.
 * It reads no files of the policy itself. The build (src/pipeline/run-eleventy.ts) loads, checks and
 * renders the policy first and hands it over as global data: `site`, `policy`, `history`, `assets`
 * and `csp` (src/templates/template-data.ts). Legal text is never a template, so `{{ }}` in it
 * stays literal.
 *
 * The build imports this function and runs it through the programmatic API's config callback,
 * rather than naming this file for Eleventy to load: on Node 20 that import would need a
 * TypeScript loader in every process that builds (docs/performance.md).
 */
export default function eleventySetup(eleventyConfig: UserConfig): void {
  // The templates' filters: readable dates, public URLs, headings with permalinks, the sitemap's pages.
  eleventyConfig.addPlugin(filtersPlugin);

  // Its date filter for the Atom feed of changes (pages/history/feed.njk). https://www.11ty.dev/docs/plugins/rss/
  eleventyConfig.addPlugin(rssPlugin);

  // Rewrites root-relative URLs in the HTML for PATH_PREFIX. https://www.11ty.dev/docs/plugins/html-base/
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Each Nunjucks template compiled once, not once per section page (src/templates/nunjucks-cache.ts).
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks }: { nunjucks: { Template: NunjucksTemplateClass } }) =>
    cacheCompiledTemplates(nunjucks.Template),
  );

  // Only the Nunjucks pages in pages/ are templates (no .md or .html ones), with their layouts and
  // partials beside them. https://www.11ty.dev/docs/config/#template-formats
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setIncludesDirectory("../layouts");
}
