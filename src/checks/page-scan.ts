/**
 * One pass over a built page collects what the post-build checks need: the ids links may land
 * on, every URL the page references, and anything the Content-Security-Policy would block.
 * htmlparser2's tokenizer does it without building a document tree, so a 23 MB whole-policy page
 * costs its bytes once (docs/performance.md).
 */
import { decodeHTMLAttribute } from "entities";
import { type TokenizerCallbacks as Callbacks, Tokenizer } from "htmlparser2";
import { inlineCodeOf } from "./inline-code.ts";

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
export const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
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

/**
 * A copy of an attribute value that does not hold on to the page it came from. V8 keeps longer
 * substrings as views into the whole string, so one kept id would keep its whole page (23 MB for
 * the whole-policy page at 10,000 sections) alive; slicing a concatenation copies just the value.
 */
export const detach = (value: string): string => ` ${value}`.slice(1);

/** The attributes the checks read (anchors, URLs, a script's type, inline style), besides every `on…` handler. */
const READ = new Set(["id", "name", "type", "style", "href", "src", "action"]);
const isRead = (name: string): boolean => READ.has(name) || /^on/i.test(name);

/**
 * Reads a page once; lines count from 1 as editors show them. Each start tag is read as
 * htmlparser2's Parser reads it (names in lower case, the first of two same-named attributes,
 * values with their character references decoded), but only the attributes the checks look at
 * are kept, and none of the Parser's other work is done: the text between tags is skipped from
 * `<` to `<` rather than decoded character by character, and no tree of open elements is kept.
 * Values are decoded with the decoder the tokenizer itself uses inside attributes (`entities`,
 * in its attribute mode). The tests hold the result equal to what the Parser reads.
 */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { anchors: new Set(), references: [], duplicateIds: [], inline: [] };
  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (let i = html.indexOf("\n", counted); i !== -1 && i < index; i = html.indexOf("\n", i + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };
  let tag = "";
  let tagStart = 0;
  /** Every attribute name of the tag so far (the first of two same-named ones counts), and the values read. */
  let names: string[] = [];
  let attributes: Record<string, string> = {};
  let name: string | undefined;
  let value = "";
  const element = (): void => {
    if (names.length === 0 && tag !== "script" && tag !== "style") return;
    const at = lineAt(tagStart);
    for (const key of Object.keys(attributes))
      if (attributes[key].includes("&")) attributes[key] = decodeHTMLAttribute(attributes[key]);
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
  };
  const ignore = (): void => {};
  const callbacks: Callbacks = {
    onopentagname(start, end) {
      // The tag's `<` comes just before its name.
      tagStart = start - 1;
      tag = html.slice(start, end).toLowerCase();
      names = [];
      attributes = {};
    },
    onattribname(start, end) {
      const typed = html.slice(start, end).toLowerCase();
      name = isRead(typed) && !names.includes(typed) ? typed : undefined;
      if (name !== undefined) names.push(name);
    },
    onattribdata(start, end) {
      if (name !== undefined) value += html.slice(start, end);
    },
    onattribend() {
      if (name !== undefined) attributes[name] = value;
      value = "";
    },
    onopentagend: element,
    onselfclosingtag: element,
    onattribentity: ignore,
    oncdata: ignore,
    onclosetag: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onprocessinginstruction: ignore,
    ontext: ignore,
    ontextentity: ignore,
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  return scan;
}

/** Every `url()` in a stylesheet that names a file (not `data:` or `#fragment`). */
export function stylesheetReferences(css: string): Reference[] {
  return [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)]
    .map((match) => ({ line: css.slice(0, match.index).split("\n").length, ref: match[2]!.trim() }))
    .filter(({ ref }) => !ref.startsWith("data:") && !ref.startsWith("#"));
}
