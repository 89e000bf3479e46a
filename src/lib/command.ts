import { ContentError, ContentErrors, SiteCheckError, UsageError } from "./problems.ts";

export interface CommandOptions {
  /** Printed before a known failure's message ("Build failed:"). */
  failure?: string;
  /** Printed after a failure of any kind ("The previous site was left as it was."). */
  afterFailure?: string;
}

/** A mistake a person can fix from its message alone; its stack trace would only hide it. */
export function findKnownError(error: unknown): ContentError | ContentErrors | SiteCheckError | UsageError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof ContentError || e instanceof ContentErrors) return e;
    if (e instanceof SiteCheckError || e instanceof UsageError) return e;
  }
  return undefined;
}

/**
 * Runs a command's body the same way for every script: a usage mistake prints its fix and exits
 * 2; a content mistake or a failed check prints `file:line: problem → fix` and exits 1; anything
 * else is a bug and keeps its stack trace.
 */
export async function runCommand(main: () => unknown, options: CommandOptions = {}): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = findKnownError(error);
    if (known instanceof UsageError) console.error(known.message);
    else if (known) console.error(`\n${options.failure ? `${options.failure} ` : ""}${known.message}\n`);
    else console.error(error);
    if (options.afterFailure && !(known instanceof UsageError)) console.error(options.afterFailure);
    process.exitCode = known instanceof UsageError ? 2 : 1;
  }
}
