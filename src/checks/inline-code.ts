/**
 * No page may carry inline script or style: the Content-Security-Policy (src/security-headers.ts)
 * allows neither, so anything inline would silently not work in the browser.
 */
import { load } from "cheerio";
import type { BuiltFile } from "./built-site.ts";

/** What is inline, as CSS selectors and how to say it. */
const INLINE: ReadonlyArray<readonly [selector: string, describe: (tag: string) => string]> = [
  ["script:not([src])", () => "an inline <script>"],
  ["style", () => "a <style> element"],
  ["[style]", (tag) => `a style attribute on <${tag}>`],
  ["[href^='javascript:' i], [src^='javascript:' i], [action^='javascript:' i]", (tag) => `a javascript: URL on <${tag}>`],
];

/** `onclick` and friends: any attribute named on… runs code. */
function eventHandlerAttributes(attributes: Record<string, string>): string[] {
  return Object.keys(attributes).filter((name) => /^on/i.test(name));
}

/** Every inline script, style or event handler on every page, one line each with its line number. */
export function findInlineCode(pages: readonly BuiltFile[]): string[] {
  const problems: string[] = [];
  for (const page of pages) {
    const $ = load(page.text, { sourceCodeLocationInfo: true });
    const tagName = (el: Parameters<typeof $>[0]): string => String($(el).prop("tagName")).toLowerCase();
    for (const [selector, describe] of INLINE) {
      for (const el of $(selector).toArray()) problems.push(`${page.file}:${el.sourceCodeLocation?.startLine}: ${describe(tagName(el))}`);
    }
    for (const el of $("*").toArray()) {
      for (const name of eventHandlerAttributes($(el).attr() ?? {})) {
        problems.push(`${page.file}:${el.sourceCodeLocation?.startLine}: an event handler attribute ${name} on <${tagName(el)}>`);
      }
    }
  }
  return problems;
}
