/**
 * Every internal link, asset reference and #anchor in the built site must resolve, as the site is
 * served: under its PATH_PREFIX, with 404.html shown at addresses that are not its own.
 *
 * Hand-written because linkinator 7 (the well-kept option for Node 20) checks a page's anchors
 * only for links it meets before it has fetched that page: `/cookies/#nope` from a page crawled
 * after /cookies/ passed unreported when tried here.
 */
import { load, type CheerioAPI } from "cheerio";
import { NOT_FOUND_PAGE, type BuiltFile, type BuiltSite } from "./built-site.ts";

export interface LinkCheckSite {
  /** "/" or "/privacy/". */
  pathPrefix: string;
  /** The public origin: absolute links to it are internal links too (canonical, og:url). */
  siteUrl: string;
}

const URL_ATTRIBUTES: ReadonlyArray<readonly [selector: string, attribute: string]> = [
  ["a[href], area[href], link[href]", "href"],
  ["script[src], img[src], source[src], iframe[src], audio[src], video[src], track[src]", "src"],
  ["form[action]", "action"],
];

/** A reference found in a file, with the line it is on when known. */
interface Reference {
  file: string;
  line?: number;
  ref: string;
}

/** Where a built file is served. The 404 page is resolved as if shown at a deep unknown address, so a relative link on it is caught. */
export function servedPath(file: string, pathPrefix: string): string {
  if (file === NOT_FOUND_PAGE) return `${pathPrefix}no/such/page/`;
  return `${pathPrefix}${file.slice(1).replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Every id (and legacy `a[name]`) on a page: the anchors links may point at. */
function anchorsOf($: CheerioAPI): Set<string> {
  const ids = $("[id]").map((_, el) => $(el).attr("id")).get();
  const names = $("a[name]").map((_, el) => $(el).attr("name")).get();
  return new Set([...ids, ...names]);
}

function referencesInPage(page: BuiltFile, $: CheerioAPI): Reference[] {
  return URL_ATTRIBUTES.flatMap(([selector, attribute]) =>
    $(selector)
      .toArray()
      .map((el) => ({ file: page.file, line: el.sourceCodeLocation?.startLine, ref: $(el).attr(attribute)! })),
  );
}

function referencesInStylesheet(sheet: BuiltFile): Reference[] {
  return [...sheet.text.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)]
    .map((match) => ({ file: sheet.file, line: sheet.text.slice(0, match.index).split("\n").length, ref: match[2]!.trim() }))
    .filter(({ ref }) => !ref.startsWith("data:") && !ref.startsWith("#"));
}

/** "cookies/" or "../x", as opposed to "/privacy/x", "#id" or "https://…". */
const isRelative = ({ ref }: Reference): boolean => !/^([/#]|[a-z][a-z0-9+.-]*:)/i.test(ref);

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The file a same-origin URL path names, if the site has it (a folder without its slash is redirected by hosts). */
function targetFile(pathname: string, site: BuiltSite, pathPrefix: string): { target?: string; problem?: string } {
  if (!pathname.startsWith(pathPrefix)) return { problem: `is outside the site's path prefix ${pathPrefix}` };
  const decoded = safeDecode(pathname.slice(pathPrefix.length));
  if (decoded === undefined) return { problem: "is not a valid URL path" };
  const sitePath = `/${decoded}`;
  const target = [sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath, `${sitePath}/index.html`].find((f) => site.files.has(f));
  return target ? { target } : { problem: `points to ${sitePath}, which the site does not have` };
}

/** What is wrong with one reference, or undefined when it resolves (or leaves the site, which is not ours to check). */
function problemWith(reference: Reference, site: BuiltSite, anchors: Map<string, Set<string>>, options: LinkCheckSite): string | undefined {
  const origin = new URL(options.siteUrl).origin;
  const url = new URL(reference.ref, `${origin}${servedPath(reference.file, options.pathPrefix)}`);
  if (url.origin !== origin) return undefined;
  // "#id" alone always means this very document, wherever it is served (the 404 page included).
  const { target, problem } = reference.ref.startsWith("#") ? { target: reference.file } : targetFile(url.pathname, site, options.pathPrefix);
  if (!target) return isRelative(reference) && reference.file === NOT_FOUND_PAGE ? `${problem} (404.html is shown at any address, so its links must start with ${options.pathPrefix})` : problem;
  const id = safeDecode(url.hash.slice(1));
  if (id === undefined) return "has a fragment that is not valid percent-encoding";
  if (id && !anchors.get(target)?.has(id)) return `points to #${id}, but ${target} has no element with that id`;
  return undefined;
}

/** Every broken reference in the site, one readable line each ("/cookies/index.html:40: "#x" points to …"). */
export function findBrokenLinks(site: BuiltSite, options: LinkCheckSite): string[] {
  const anchors = new Map<string, Set<string>>();
  const references: Reference[] = [];
  for (const page of site.pages) {
    const $ = load(page.text, { sourceCodeLocationInfo: true });
    anchors.set(page.file, anchorsOf($));
    references.push(...referencesInPage(page, $));
  }
  references.push(...site.stylesheets.flatMap(referencesInStylesheet));
  return references.flatMap((reference) => {
    const problem = problemWith(reference, site, anchors, options);
    const where = reference.line === undefined ? reference.file : `${reference.file}:${reference.line}`;
    return problem ? [`${where}: "${reference.ref}" ${problem}`] : [];
  });
}
