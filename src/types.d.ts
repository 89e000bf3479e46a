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

// markdown-it-footnote and markdown-it-deflist ship no types; each is a plain plugin function.
declare module "markdown-it-footnote" {
  import type { MarkdownIt } from "markdown-it";

  const markdownItFootnote: (md: MarkdownIt) => void;
  export default markdownItFootnote;
}

declare module "markdown-it-deflist" {
  import type { MarkdownIt } from "markdown-it";

  const markdownItDeflist: (md: MarkdownIt) => void;
  export default markdownItDeflist;
}
