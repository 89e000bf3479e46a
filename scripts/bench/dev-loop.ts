import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { projectRoot } from "../../src/options.ts";

export interface DevLoopResult {
  /** From spawning `npm start` to the first page served in full, one per start, in ms. */
  startToFirstPageMs: number[];
  /** From the saved file to the changed page served, one per edit, in ms. */
  savedToServedMs: number[];
  /** The dev server's own figure for each rebuild ("Built … in 120 ms."), in ms. */
  rebuildMs: number[];
}

/** The dev server's "Built dist (7 pages searchable) in 120 ms." lines, in ms. */
export function parseBuildTimes(output: string): number[] {
  return [...output.matchAll(/^Built .* in (\d+) ms\.$/gm)].map((match) => Number(match[1]));
}

/** A sentence added to a section's Markdown body, unique to one edit. */
export function appendMarker(markdown: string, marker: string): string {
  return `${markdown.trimEnd()}\n\nEdited for the benchmark: ${marker}.\n`;
}

interface Started {
  child: ChildProcess;
  origin: string;
  output: () => string;
}

/** `npm start` in the project on a free port (PORT=0), resolved when it says where it serves. */
async function npmStart(env: Record<string, string>): Promise<Started> {
  const child = spawn("npm", ["start"], {
    cwd: projectRoot,
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it stops npm, its shell and Node together.
    detached: true,
  });
  let output = "";
  const origin = new Promise<string>((found, fail) => {
    const read = (chunk: string): void => {
      output += chunk;
      const match = /Server at (http:\/\/localhost:\d+)\//.exec(output);
      if (match) found(match[1]);
    };
    child.stdout!.setEncoding("utf8").on("data", read);
    child.stderr!.setEncoding("utf8").on("data", read);
    child.once("exit", (code) => fail(new Error(`npm start exited (${code}):\n${output.slice(-2000)}`)));
  });
  return { child, origin: await origin, output: () => output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  process.kill(-child.pid!, "SIGTERM");
  return exited;
}

/** A page's text; the dev server holds the request until the build running (the first one, at start) is done. */
async function pageText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

/** Listens to the dev server's live-reload socket, as every open tab does. */
async function reloadSignal(origin: string): Promise<{ next: () => Promise<void>; close: () => void }> {
  const socket = new WebSocket(origin.replace(/^http/, "ws"));
  let waiting: (() => void) | undefined;
  socket.on("message", (data) => {
    if (JSON.parse(data.toString()).type === "eleventy.reload") waiting?.();
  });
  await new Promise<void>((open, fail) => socket.on("open", open).on("error", fail));
  return { next: () => new Promise<void>((reload) => (waiting = reload)), close: () => socket.close() };
}

/**
 * Runs `npm start` in the project `starts` times, with the content copied into `workDir`, timing
 * each from spawning it to the first section page served. On the last, edits that section `edits`
 * times, timing each save until the dev server's reload message and the changed page it then serves.
 */
export async function measureDevLoop(
  workDir: string,
  options: { starts: number; edits: number; sectionFile?: string },
): Promise<DevLoopResult> {
  const contentDir = path.join(workDir, "content");
  cpSync(path.join(projectRoot, "content"), contentDir, { recursive: true });
  const env = { POLICY_CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(workDir, "site") };
  const file = path.join(contentDir, options.sectionFile ?? "02-cookies.md");
  const id = /^id:\s*(\S+)/m.exec(readFileSync(file, "utf8"))?.[1];
  const result: DevLoopResult = { startToFirstPageMs: [], savedToServedMs: [], rebuildMs: [] };
  for (let start = 1; start <= options.starts; start++) {
    const started = performance.now();
    const server = await npmStart(env);
    // In its own process group, so an interrupted benchmark must end it itself.
    const endOnExit = (): void => void process.kill(-server.child.pid!, "SIGTERM");
    process.once("exit", endOnExit);
    try {
      const url = `${server.origin}/${id}/`;
      await pageText(url);
      result.startToFirstPageMs.push(performance.now() - started);
      if (start < options.starts) continue;
      const reloads = await reloadSignal(server.origin);
      for (let edit = 1; edit <= options.edits; edit++) {
        const marker = `edit ${edit} at ${Date.now()}`;
        const reloaded = reloads.next();
        writeFileSync(file, appendMarker(readFileSync(file, "utf8"), marker));
        const saved = performance.now();
        await reloaded;
        if (!(await pageText(url)).includes(marker)) throw new Error(`edit ${edit} was not served after the reload`);
        result.savedToServedMs.push(performance.now() - saved);
      }
      reloads.close();
      result.rebuildMs = parseBuildTimes(server.output()).slice(1);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nnpm start said:\n${server.output().slice(-2000)}`);
    } finally {
      process.off("exit", endOnExit);
      await stop(server.child);
    }
  }
  return result;
}
