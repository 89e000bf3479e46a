/**
 * Every internal link, asset reference and #anchor in the built site must resolve, as the site is
 * served: under its PATH_PREFIX, with 404.html shown at addresses that are not its own.
 *
 * Hand-written because linkinator 7 (the well-kept option for Node 20) checks a page's anchors
 * only for links it meets before it has fetched that page: `/cookies/#nope` from a page crawled
 * after /cookies/ passed unreported when tried here.
 *
 * Links are checked in two steps so pages can be read one at a time: `LinkIndex.addPage` settles
 * what a page alone can tell (its own #anchors, URLs outside the site) and keeps the rest, grouped
 * by target; `problems` settles those once every file and anchor is known.
 */
import { fileOf, servedPathOf, sitePathOf } from "../lib/urls.ts";
import type { Reference } from "./page-scan.ts";
import { simpleReference } from "./simple-reference.ts";

export interface LinkCheckSite {
  /** "/" or "/privacy/". */
  pathPrefix: string;
  /** The public origin: absolute links to it are internal links too (canonical, og:url). */
  siteUrl: string;
}

/** "/404.html" is the only page a host serves at addresses other than its own. */
export const NOT_FOUND_PAGE = "/404.html";

/** Where a built file is served. The 404 page is resolved as if shown at a deep unknown address, so a relative link on it is caught. */
export function servedPath(file: string, pathPrefix: string): string {
  if (file === NOT_FOUND_PAGE) return `${pathPrefix}no/such/page/`;
  return servedPathOf(pathPrefix, sitePathOf(file));
}

/** A problem found, kept with where it is so reports can be sorted by file and line. */
export interface Located {
  file: string;
  line: number;
  text: string;
}

/** Places one broken target is linked from; a template mistake repeats on every page, so only the first few are kept. */
const PLACES_KEPT = 20;

interface Pending {
  sitePath: string;
  id: string;
  /** A relative link on 404.html: explained, since the page is shown at any address. */
  fromNotFound: boolean;
  places: Array<{ file: string; line: number; ref: string }>;
  count: number;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** "cookies/" or "../x", as opposed to "/privacy/x", "#id" or "https://…". */
const isRelative = (ref: string): boolean => !/^([/#]|[a-z][a-z0-9+.-]*:)/i.test(ref);

export class LinkIndex {
  readonly #options: LinkCheckSite;
  readonly #origin: string;
  readonly #anchors = new Map<string, Set<string>>();
  readonly #pending = new Map<string, Pending>();
  readonly #found: Located[] = [];
  /** Files in the order they were added, so reports follow it. */
  readonly #order = new Map<string, number>();

  constructor(options: LinkCheckSite) {
    this.#options = options;
    this.#origin = new URL(options.siteUrl).origin;
  }

  /** A file's anchors (pages only) and references; call once per file, in any order. */
  addFile(file: string, references: readonly Reference[], anchors?: Set<string>): void {
    this.#order.set(file, this.#order.size);
    if (anchors) this.#anchors.set(file, anchors);
    const base = `${this.#origin}${servedPath(file, this.#options.pathPrefix)}`;
    for (const { line, ref } of references) this.#add(file, line, ref, anchors, base);
  }

  /** A reference's path on this site and its fragment, decoded; undefined for one to another site. */
  #target(ref: string, base: string): { pathname: string; id: string | undefined } | undefined {
    const simple = simpleReference(ref);
    // A `#id` alone is settled on its own page, and its path never read.
    if (simple) return { pathname: simple.path ?? "", id: simple.id };
    const url = new URL(ref, base);
    if (url.origin !== this.#origin) return undefined;
    return { pathname: url.pathname, id: safeDecode(url.hash.slice(1)) };
  }

  #add(file: string, line: number, ref: string, anchors: Set<string> | undefined, base: string): void {
    const report = (problem: string): void => {
      this.#found.push({ file, line, text: `"${ref}" ${problem}` });
    };
    const target = this.#target(ref, base);
    if (!target) return;
    const { id } = target;
    if (id === undefined) {
      report("has a fragment that is not valid percent-encoding");
      return;
    }
    // "#id" alone always means this very document, wherever it is served (the 404 page included).
    if (ref.startsWith("#")) {
      if (id && !anchors?.has(id)) report(`points to #${id}, but ${file} has no element with that id`);
      return;
    }
    const { pathPrefix } = this.#options;
    if (!target.pathname.startsWith(pathPrefix)) {
      report(`is outside the site's path prefix ${pathPrefix}`);
      return;
    }
    const decoded = safeDecode(target.pathname.slice(pathPrefix.length));
    if (decoded === undefined) {
      report("is not a valid URL path");
      return;
    }
    const sitePath = `/${decoded}`;
    const fromNotFound = file === NOT_FOUND_PAGE && isRelative(ref);
    const key = `${sitePath}#${id}${fromNotFound ? "#404" : ""}`;
    const pending = this.#pending.get(key) ?? { sitePath, id, fromNotFound, places: [], count: 0 };
    this.#pending.set(key, pending);
    pending.count++;
    if (pending.places.length < PLACES_KEPT) pending.places.push({ file, line, ref });
  }

  /** Every broken reference, once the site's whole file list is known, in the order files were added and by line. */
  problems(files: ReadonlySet<string>): Located[] {
    const found = [...this.#found];
    for (const pending of this.#pending.values()) {
      const problem = this.#problemWith(pending, files);
      if (!problem) continue;
      const more = pending.count - pending.places.length;
      pending.places.forEach(({ file, line, ref }, index) => {
        const tail = index === pending.places.length - 1 && more > 0 ? ` (and ${more} more places)` : "";
        found.push({ file, line, text: `"${ref}" ${problem}${tail}` });
      });
    }
    const order = (file: string): number => this.#order.get(file) ?? 0;
    return found.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);
  }

  #problemWith({ sitePath, id, fromNotFound }: Pending, files: ReadonlySet<string>): string | undefined {
    // A folder asked for without its slash is redirected by the host, so it counts as found.
    const target = [`/${fileOf(sitePath)}`, `${sitePath}/index.html`].find((f) => files.has(f));
    if (!target) {
      const problem = `points to ${sitePath}, which the site does not have`;
      return fromNotFound
        ? `${problem} (404.html is shown at any address, so its links must start with ${this.#options.pathPrefix})`
        : problem;
    }
    if (id && !this.#anchors.get(target)?.has(id)) return `points to #${id}, but ${target} has no element with that id`;
    return undefined;
  }
}
