// markdown-it-attrs ships no types; this is the slice of its API in use.
declare module "markdown-it-attrs" {
  import type { MarkdownIt } from "markdown-it";

  interface AttrsOptions {
    leftDelimiter?: string;
    rightDelimiter?: string;
    allowedAttributes?: Array<string | RegExp>;
  }
  const markdownItAttrs: (md: MarkdownIt, options?: AttrsOptions) => void;
  export default markdownItAttrs;
}

// @11ty/eleventy-plugin-rss ships no types; only its plugin function is used here.
declare module "@11ty/eleventy-plugin-rss" {
  export const rssPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
}
