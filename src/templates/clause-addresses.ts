/**
 * A clause found again from paper: in print, each heading of the policy has the address that
 * leads back to it written under it (shown by assets/print.css, hidden on screen). The address
 * is always the printed page's own plus the heading's id, so it lands on the same words the
 * paper shows: a section page, the whole policy, or a dated version that never changes.
 */

export const CLAUSE_ADDRESS_CLASS = "clause-address";

/**
 * Every heading as the policy's renderer writes it: markdown-it-anchor's wrapper, the heading with
 * its id, then its permalink, which closes the wrapper (src/render/markdown.ts).
 */
const HEADING_BLOCK = /<div class="heading">\n<h[1-6] id="([^"]+)"[\s\S]*?<\/a><\/div>\n?/g;

/** Adds the print-only address after each heading of rendered policy HTML. */
export function addClauseAddresses(html: string, pageAddress: string): string {
  return html.replace(
    HEADING_BLOCK,
    (block, id: string) =>
      `${block.trimEnd()}\n<p class="${CLAUSE_ADDRESS_CLASS}" data-pagefind-ignore>${escapeText(pageAddress)}#${id}</p>\n`,
  );
}

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
