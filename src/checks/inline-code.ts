/**
 * What the Content-Security-Policy forbids in a page (src/deploy/security-headers.ts): inline
 * scripts and styles, style attributes, event handler attributes and `javascript:` URLs.
 */

const CODE_URL = /^\s*javascript:/i;

/**
 * Script types a browser never runs: a `<script>` of one of these is a data block, which the
 * Content-Security-Policy does not govern. Only the one the pages use (schema.org JSON-LD) is
 * allowed, so anything else inline is still refused.
 * https://html.spec.whatwg.org/multipage/scripting.html#data-block
 */
const DATA_BLOCK_TYPES = new Set(["application/ld+json"]);

/** What one element breaks of the no-inline rule, if anything. */
export function inlineCodeOf(tag: string, attributes: Record<string, string>): string[] {
  const found: string[] = [];
  const dataBlock = DATA_BLOCK_TYPES.has((attributes.type ?? "").trim().toLowerCase());
  if (tag === "script" && attributes.src === undefined && !dataBlock) found.push("an inline <script>");
  if (tag === "style") found.push("a <style> element");
  if (attributes.style !== undefined) found.push(`a style attribute on <${tag}>`);
  if (["href", "src", "action"].some((name) => CODE_URL.test(attributes[name] ?? "")))
    found.push(`a javascript: URL on <${tag}>`);
  for (const name of Object.keys(attributes))
    if (/^on/i.test(name)) found.push(`an event handler attribute ${name} on <${tag}>`);
  return found;
}
