import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../lib/files.ts";
import { SiteCheckError } from "../lib/problems.ts";
import { type LinkCheckSite, LinkIndex } from "./links.ts";
import { scanPage, stylesheetReferences } from "./page-scan.ts";

export interface CheckOptions {
  /**
   * Also run html-validate on every page. It reads a page at about 1 MB/s and holds its whole
   * tree, so it is for the deploy workflow and the tests, not every build (docs/performance.md).
   */
  validateHtml?: boolean;
}

const CHECKS = {
  links: {
    check: "Links: every internal link, asset and #anchor resolves",
    hint: "Fix the link in the section's Markdown (content/) or in the template that wrote it (pages/, layouts/); clause ids are the {#id} after each heading.",
  },
  ids: {
    check: "Ids: no id is used twice on a page (a link to it would be ambiguous)",
    hint: "Rename the clause's {#id} in content/, or the id in the template in pages/ or layouts/.",
  },
  html: {
    check: "HTML: every page is valid (html-validate, rules in src/checks/html-validity.ts)",
    hint: "Fix the template in pages/ or layouts/ that writes this markup.",
  },
  inline: {
    check: "No inline script or style (the Content-Security-Policy forbids them)",
    hint: "Move the code into a file in assets/ and load it with <script src> or <link rel=stylesheet>.",
  },
} as const;

type CheckName = keyof typeof CHECKS;

/**
 * The post-build checks, fed one page at a time (the build hands each page over while Pagefind
 * indexes it) and settled once the whole site is written. Only what a page yields is kept: its
 * ids, and its links grouped by target.
 */
export class SiteChecker {
  readonly #links: LinkIndex;
  readonly #options: CheckOptions;
  readonly #found: Record<CheckName, string[]> = { links: [], ids: [], html: [], inline: [] };
  /** html-validate, loaded only when asked for: it alone adds ~140 ms to every build's start. */
  #htmlValidity?: Promise<typeof import("./html-validity.ts")>;

  constructor(site: LinkCheckSite, options: CheckOptions = {}) {
    this.#links = new LinkIndex(site);
    this.#options = options;
  }

  /** Checks one page, named by its path in the site ("/cookies/index.html"). */
  async addPage(file: string, html: string): Promise<void> {
    const scan = scanPage(html);
    this.#links.addFile(file, scan.references, scan.anchors);
    this.#found.ids.push(...scan.duplicateIds.map((problem) => `${file}:${problem}`));
    this.#found.inline.push(...scan.inline.map((problem) => `${file}:${problem}`));
    if (!this.#options.validateHtml) return;
    this.#htmlValidity ??= import("./html-validity.ts");
    const { findInvalidHtml } = await this.#htmlValidity;
    this.#found.html.push(...(await findInvalidHtml([{ file, text: html }])));
  }

  /** Settles the checks on the finished site folder (its file list and stylesheets); throws one SiteCheckError that lists every problem. */
  finish(dir: string): void {
    const files = listFiles(dir).map((file) => `/${file}`);
    for (const file of files.filter((name) => name.endsWith(".css"))) {
      this.#links.addFile(file, stylesheetReferences(readFileSync(path.join(dir, file), "utf8")));
    }
    this.#found.links = this.#links.problems(new Set(files)).map(({ file, line, text }) => `${file}:${line}: ${text}`);
    const failures = (Object.keys(CHECKS) as CheckName[])
      .filter((name) => this.#found[name].length > 0)
      .map((name) => ({ ...CHECKS[name], problems: this.#found[name] }));
    if (failures.length > 0) throw new SiteCheckError(failures);
  }
}

/** Runs every post-build check on a built site folder; throws one SiteCheckError that lists all problems. */
export async function checkBuiltSite(dir: string, site: LinkCheckSite, options: CheckOptions = {}): Promise<void> {
  const checker = new SiteChecker(site, options);
  for (const file of listFiles(dir).filter((name) => name.endsWith(".html"))) {
    await checker.addPage(`/${file}`, readFileSync(path.join(dir, file), "utf8"));
  }
  checker.finish(dir);
}
