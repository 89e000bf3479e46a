import { readBuiltSite } from "./built-site.ts";
import { findInvalidHtml } from "./html-validity.ts";
import { findInlineCode } from "./inline-code.ts";
import { findBrokenLinks, type LinkCheckSite } from "./links.ts";

/** One failed check: what it checks, what it found, and where to fix it. */
export interface CheckFailure {
  check: string;
  problems: string[];
  hint: string;
}

/** A built site that must not be published; the message lists every problem found. */
export class SiteCheckError extends Error {
  readonly failures: CheckFailure[];

  constructor(failures: CheckFailure[]) {
    super(formatFailures(failures));
    this.name = "SiteCheckError";
    this.failures = failures;
  }
}

export function formatFailures(failures: readonly CheckFailure[]): string {
  const count = failures.reduce((n, f) => n + f.problems.length, 0);
  const blocks = failures.map((f) => [`${f.check}:`, ...f.problems.map((p) => `  - ${p}`), `  → ${f.hint}`].join("\n"));
  return `the built site failed its post-build checks (${count} problem${count === 1 ? "" : "s"}):\n${blocks.join("\n")}`;
}

/**
 * Runs every post-build check on a built (staged) site folder and throws one SiteCheckError that
 * lists all problems, so a single build shows everything to fix.
 */
export async function checkBuiltSite(dir: string, site: LinkCheckSite): Promise<void> {
  const built = readBuiltSite(dir);
  const failures: CheckFailure[] = [
    {
      check: "Links: every internal link, asset and #anchor resolves",
      problems: findBrokenLinks(built, site),
      hint: "Fix the link in the section's Markdown (content/) or in the template that wrote it (pages/, layouts/); clause ids are the {#id} after each heading.",
    },
    {
      check: "HTML: every page is valid (html-validate, rules in src/checks/html-validity.ts)",
      problems: await findInvalidHtml(built.pages),
      hint: "Fix the template in pages/ or layouts/ that writes this markup.",
    },
    {
      check: "No inline script or style (the Content-Security-Policy forbids them)",
      problems: findInlineCode(built.pages),
      hint: "Move the code into a file in assets/ and load it with <script src> or <link rel=stylesheet>.",
    },
  ].filter((failure) => failure.problems.length > 0);
  if (failures.length > 0) throw new SiteCheckError(failures);
}
