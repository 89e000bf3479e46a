import { findKnownError } from "../lib/command.ts";
import { ContentError, ContentErrors, PROBLEMS_SHOWN, sortProblems } from "../lib/problems.ts";

/** One problem as the build prints it: `where: problem`, then `→ fix`. */
export interface FailureLine {
  /** `content/02-cookies.md:9`; absent for a problem of the site as a whole. */
  where?: string;
  problem: string;
  fix?: string;
}

/** Why a build failed, in the words the terminal shows. */
export interface BuildFailure {
  /** "3 problems in the content", or the first line of any other error. */
  summary: string;
  /** Each content problem on its own; empty for other errors, whose text is `details`. */
  lines: FailureLine[];
  /** A closing line, such as "… and 4 more." */
  more?: string;
  /** The whole text of an error that is not a list of content problems (a failed check, a template error). */
  details?: string;
  /** True when the error is a bug or a template error rather than a mistake in the content. */
  unexpected: boolean;
}

/** An error's message and those of its causes, one per line: for errors that are nobody's content mistake. */
function messageChain(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e !== undefined && e !== null; e = (e as Error).cause) {
    messages.push(e instanceof Error ? e.message : String(e));
    if (!(e instanceof Error)) break;
  }
  return messages.join("\n");
}

/** What a failed build said, as the lines `npm run build` prints and the dev server's error page lists. */
export function describeBuildFailure(error: unknown): BuildFailure {
  const known = findKnownError(error);
  if (known instanceof ContentError) return describeContentErrors([known]);
  if (known instanceof ContentErrors) return describeContentErrors(known.errors);
  const details = known ? known.message : messageChain(error);
  return { summary: details.split("\n")[0], lines: [], details, unexpected: !known };
}

/** As ContentErrors lists them: sorted by file and line, the first PROBLEMS_SHOWN, then how many more. */
function describeContentErrors(errors: readonly ContentError[]): BuildFailure {
  const sorted = sortProblems(errors);
  const shown = sorted.slice(0, PROBLEMS_SHOWN);
  const more = sorted.length - shown.length;
  const count = sorted.length;
  return {
    summary: `${count} problem${count === 1 ? "" : "s"} in the content`,
    lines: shown.map((e) => ({
      where: e.line === undefined ? e.file : `${e.file}:${e.line}`,
      problem: e.problem,
      fix: e.hint,
    })),
    more: more > 0 ? `… and ${more} more.` : undefined,
    unexpected: false,
  };
}
