import type { Site } from "../content/site-json.ts";
import { compareBannerHtml, compareBodyHtml, compareHeadHtml, compareSectionsHtml } from "../history/compare-html.ts";
import { readableDate } from "../lib/dates.ts";
import { publicUrl } from "../lib/urls.ts";
import { markdown, renderHeading } from "../render/markdown.ts";
import { plainHeadingHtml } from "../render/plain-heading.ts";
import { addClauseAddresses } from "./clause-addresses.ts";
import { structuredData } from "./structured-data.ts";

/** The page's public URL, for canonical links and the print header. */
export function pageUrl(sitePath: string, site: Site): string {
  return publicUrl(site, sitePath);
}

// Templates call these on every page with the same few arguments ("Contents", the provenance
// note, the version's date), so each result is kept: at 10,000 sections, rendering them anew cost
// seconds (docs/performance.md).
function remembered<A extends unknown[]>(render: (...args: A) => string): (...args: A) => string {
  const results = new Map<string, string>();
  return (...args) => {
    const key = JSON.stringify(args);
    let result = results.get(key);
    if (result === undefined) {
      result = render(...args);
      results.set(key, result);
    }
    return result;
  };
}

/** Inline Markdown from site data (the provenance note), through the same renderer as the policy. */
export const markdownInline = remembered((text: string): string => markdown.renderInline(text));

/**
 * A heading in a layout ("Contents"), with the same id and permalink markup as the policy's own
 * headings: written directly for plain text (src/render/plain-heading.ts), else rendered.
 */
export const headingHtml = remembered(
  (text: string, id: string, level: number): string =>
    plainHeadingHtml(text, id, level) ?? renderHeading(markdown, text, id, level).html,
);

/** "2014-04-08" → "8 April 2014" (src/lib/dates.ts): the few dates of a site, on every page. */
export const rememberedDate = remembered(readableDate);

/** A page as Eleventy's collections hold it: only what the sitemap needs. */
export interface CollectionPage {
  url: string | false;
  data: { noindex?: unknown; canonicalPath?: string };
}

/**
 * The pages search engines should list: every page with a URL that is not marked `noindex` (the
 * search page, the 404 page, archived versions) and is its own canonical page (the current
 * version's dated copy names `/`). Sorted, because Eleventy orders collections by file dates,
 * which differ from one checkout to the next.
 */
export function indexablePaths(pages: readonly CollectionPage[]): string[] {
  const paths = pages
    .filter((p) => p.url !== false && !p.data.noindex && (p.data.canonicalPath ?? p.url) === p.url)
    .map((p) => p.url as string);
  return [...new Set(paths)].sort();
}

/** The slice of Eleventy's config API this module needs. */
interface FilterHost {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

export function filtersPlugin(eleventyConfig: FilterHost): void {
  eleventyConfig.addFilter("readableDate", rememberedDate);
  eleventyConfig.addFilter("pageUrl", pageUrl);
  eleventyConfig.addFilter("markdownInline", markdownInline);
  eleventyConfig.addFilter("headingHtml", headingHtml);
  eleventyConfig.addFilter("indexablePaths", indexablePaths);
  eleventyConfig.addFilter("clauseAddresses", addClauseAddresses);
  eleventyConfig.addFilter("structuredData", structuredData);
  // The compare views' markup, shared with the browser's (src/history/compare-html.ts).
  eleventyConfig.addFilter("compareBannerHtml", compareBannerHtml);
  eleventyConfig.addFilter("compareHeadHtml", compareHeadHtml);
  eleventyConfig.addFilter("compareBodyHtml", compareBodyHtml);
  eleventyConfig.addFilter("compareSectionsHtml", compareSectionsHtml);
}
