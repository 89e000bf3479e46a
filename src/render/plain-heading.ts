import { ID_PATTERN } from "../content/ids.ts";
import { PERMALINK_CLASS, permalinkText } from "./markdown.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
/** As markdown-it escapes text and attribute values (its escapeHtml). */
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/**
 * Text a heading shows exactly as typed: no space at either end, no tab or line break, no control
 * character, and no brace (which markdown-it-attrs would read next to the heading's `{#id}`).
 */
const PLAIN_TEXT = /^[^\s{}\p{Cc}](?:[^\t\n\r\f\v{}\p{Cc}]*[^\s{}\p{Cc}])?$/u;

/**
 * A heading with its permalink, written directly: the markup `renderHeading` gets from markdown-it
 * and markdown-it-anchor (src/render/markdown.ts) for plain text and a declared id, without
 * parsing. The templates' headings ("Contents", each section of the history page) are built
 * this way: at 10,000 sections the history page alone has 10,000 of them. Undefined for text
 * or an id it does not vouch for; the tests hold the two equal on every title of the project's
 * policies and on text full of Markdown's marks.
 */
export function plainHeadingHtml(text: string, id: string, level: number): string | undefined {
  if (!PLAIN_TEXT.test(text) || !ID_PATTERN.test(id) || !Number.isInteger(level) || level < 1 || level > 6)
    return undefined;
  const tag = `h${level}`;
  const permalink = `<span class="visually-hidden">${escapeHtml(permalinkText(text))}</span> <span aria-hidden="true">#</span>`;
  return `<div class="heading">\n<${tag} id="${id}" tabindex="-1">${escapeHtml(text)}</${tag}>\n<a class="${PERMALINK_CLASS}" href="#${id}" data-pagefind-ignore="">${permalink}</a></div>\n`;
}
