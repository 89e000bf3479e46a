import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** What `npm start` needs from the project; node_modules is linked, not copied. */
const PROJECT_PARTS = [
  ".eleventy.ts",
  "package.json",
  "tsconfig.json",
  "src",
  "pages",
  "layouts",
  "assets",
  "content",
  "scripts",
];

export interface DevLoopResult {
  /** From the saved file to the changed page being served, one per edit, in ms. */
  savedToServedMs: number[];
  /** Eleventy's own figure for each rebuild ("Wrote 13 files in 0.12 seconds"), in ms. */
  rebuildMs: number[];
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Eleventy's "Wrote 13 files in 0.12 seconds" lines, in ms. */
export function parseRebuildTimes(output: string): number[] {
  return [...output.matchAll(/Wrote \d+ files? in ([\d.]+) seconds/g)].map((match) => Number(match[1]) * 1000);
}

/** A sentence added to a section's Markdown body, unique to one edit. */
export function appendMarker(markdown: string, marker: string): string {
  return `${markdown.trimEnd()}\n\nEdited for the benchmark: ${marker}.\n`;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function pageText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined; // not listening yet
  }
}

async function until<T>(
  what: string,
  timeoutMs: number,
  intervalMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  process.kill(-child.pid!, "SIGTERM"); // the whole group: start.ts and the Eleventy it started
  return exited;
}

/**
 * Copies the project into `workDir`, runs `npm start` there (its script, on a free port), then
 * edits one section `edits` times, timing each save until the served page shows the change.
 */
export async function measureDevLoop(
  projectRoot: string,
  workDir: string,
  edits: number,
  sectionFile = "02-cookies.md",
): Promise<DevLoopResult> {
  for (const part of PROJECT_PARTS) cpSync(path.join(projectRoot, part), path.join(workDir, part), { recursive: true });
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(workDir, "node_modules"), "dir");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: workDir,
    env: { ...process.env, PORT: String(port), POLICY_CONTENT_DIR: "", OUTPUT_DIR: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Detached into its own process group, so an interrupted benchmark must end it itself.
  const endOnExit = (): void => void process.kill(-child.pid!, "SIGTERM");
  process.once("exit", endOnExit);
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const file = path.join(workDir, "content", sectionFile);
  const id = /^id:\s*(\S+)/m.exec(readFileSync(file, "utf8"))?.[1];
  const url = `http://localhost:${port}/${id}/`;
  try {
    await until(`npm start to serve ${url}`, 180_000, 100, () => pageText(url));
    const savedToServedMs: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      await sleep(2000); // let the previous rebuild's search re-index finish
      const marker = `edit ${edit} at ${Date.now()}`;
      writeFileSync(file, appendMarker(readFileSync(file, "utf8"), marker));
      const saved = performance.now();
      await until(`edit ${edit} to be served`, 30_000, 10, async () =>
        (await pageText(url))?.includes(marker) ? true : undefined,
      );
      savedToServedMs.push(performance.now() - saved);
    }
    await sleep(1000);
    const rebuildMs = parseRebuildTimes(output).slice(-edits);
    return { savedToServedMs, rebuildMs };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nnpm start said:\n${output.slice(-2000)}`);
  } finally {
    process.off("exit", endOnExit);
    await stop(child);
  }
}

export const devLoopAvailable = (projectRoot: string): boolean =>
  existsSync(path.join(projectRoot, "scripts", "start.ts"));
