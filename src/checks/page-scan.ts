/**
 * One pass over a built page collects what the post-build checks need: the ids links may land
 * on, every URL the page references, and anything the Content-Security-Policy would block.
 * htmlparser2's streaming tokenizer does it without building a document tree, so a 23 MB
 * whole-policy page costs its bytes once (docs/performance.md).
 */
import { Parser } from "htmlparser2";

/** A URL found in a file, with the line it is on. */
export interface Reference {
  line: number;
  ref: string;
}

export interface PageScan {
  /** Every id (and legacy `a[name]`) on the page: the anchors links may point at. */
  anchors: Set<string>;
  references: Reference[];
  /** Each id used a second time, as "line: …", so a link to it would be ambiguous. */
  duplicateIds: string[];
  /** Inline code, as "line: …". */
  inline: string[];
}

/** Attributes that hold a URL the site must serve, by element. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: "href",
  area: "href",
  link: "href",
  script: "src",
  img: "src",
  source: "src",
  iframe: "src",
  audio: "src",
  video: "src",
  track: "src",
  form: "action",
};

const CODE_URL = /^\s*javascript:/i;

/**
 * A copy of an attribute value that does not hold on to the page it came from. V8 keeps longer
 * substrings as views into the whole string, so one kept id would keep its whole page (23 MB for
 * the whole-policy page at 10,000 sections) alive; slicing a concatenation copies just the value.
 */
export const detach = (value: string): string => ` ${value}`.slice(1);

/**
 * Script types a browser never runs: a `<script>` of one of these is a data block, which the
 * Content-Security-Policy does not govern. Only the one the pages use (schema.org JSON-LD) is
 * allowed, so anything else inline is still refused.
 * https://html.spec.whatwg.org/multipage/scripting.html#data-block
 */
const DATA_BLOCK_TYPES = new Set(["application/ld+json"]);

/** What one element breaks of the no-inline rule, if anything. */
function inlineCodeOf(tag: string, attributes: Record<string, string>): string[] {
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

/** Reads a page once; lines count from 1 as editors show them. */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { anchors: new Set(), references: [], duplicateIds: [], inline: [] };
  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (let i = html.indexOf("\n", counted); i !== -1 && i < index; i = html.indexOf("\n", i + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const at = lineAt(parser.startIndex);
        const id = attributes.id === undefined ? undefined : detach(attributes.id);
        if (id !== undefined) {
          if (scan.anchors.has(id)) scan.duplicateIds.push(`${at}: the id "${id}" is used more than once`);
          scan.anchors.add(id);
        }
        if (tag === "a" && attributes.name !== undefined) scan.anchors.add(detach(attributes.name));
        const urlAttribute = URL_ATTRIBUTES[tag];
        const ref = urlAttribute === undefined ? undefined : attributes[urlAttribute];
        if (ref !== undefined) scan.references.push({ line: at, ref: detach(ref) });
        for (const problem of inlineCodeOf(tag, attributes)) scan.inline.push(`${at}: ${problem}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return scan;
}

/** Every `url()` in a stylesheet that names a file (not `data:` or `#fragment`). */
export function stylesheetReferences(css: string): Reference[] {
  return [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)]
    .map((match) => ({ line: css.slice(0, match.index).split("\n").length, ref: match[2]!.trim() }))
    .filter(({ ref }) => !ref.startsWith("data:") && !ref.startsWith("#"));
}
