import { spawn } from "node:child_process";
import { projectRoot } from "../../src/options.ts";

/** The commands an editor types, timed from the shell: `npm run build` and `npm run check` of the real policy. */
export interface CommandTimes {
  /** `npm run build`, from spawning npm to its exit, one per run, in ms. */
  buildMs: number[];
  /** `npm run check`, likewise. */
  checkMs: number[];
}

/** Runs `npm run <args>` in the project as a user does, resolving with its wall time; a failure throws with its output. */
export async function timeNpm(args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done, fail) => child.once("error", fail).once("close", done));
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`npm run ${args.join(" ")} failed (exit ${code}):\n${stderr.slice(-2000)}`);
  return ms;
}

/**
 * `npm run build` and `npm run check` of the real policy, `runs` times each, alternating, after
 * one untimed run of each: the first run after a change to the sources compiles them
 * (scripts/launch.js), which a user pays once per change, not per command.
 */
export async function measureCommands(runs: number, outDir: string): Promise<CommandTimes> {
  const build = (): Promise<number> => timeNpm(["build"], { OUTPUT_DIR: outDir });
  const check = (): Promise<number> => timeNpm(["check"]);
  await build();
  await check();
  const times: CommandTimes = { buildMs: [], checkMs: [] };
  for (let run = 0; run < runs; run++) {
    times.buildMs.push(await build());
    times.checkMs.push(await check());
  }
  return times;
}
