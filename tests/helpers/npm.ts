import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { projectRoot } from "../../src/options.ts";

export interface NpmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs an npm script as a user runs it (`npm run --silent build -- …`), from the project root
 * unless `cwd` says otherwise, resolving with its exit code and output whatever the code.
 */
export async function npm(args: string[], env: Record<string, string> = {}, cwd = projectRoot): Promise<NpmResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)("npm", ["run", "--silent", ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The `file:line: problem` then `→ fix` blocks a command printed, in order. */
export function printedProblems(output: string): Array<{ file: string; line?: number; problem: string; hint: string }> {
  return [...output.matchAll(/^(?:Warning: )?([^\s:][^:\n]*?)(?::(\d+))?: (.+)\n {2}→ (.+)$/gm)].map((m) => ({
    file: m[1],
    line: m[2] === undefined ? undefined : Number(m[2]),
    problem: m[3],
    hint: m[4],
  }));
}
