import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { projectRoot } from "../../src/options.ts";
import { realContentDir } from "./site.ts";

/** `npm start` as an editor runs it, on a copy of the real content, in its own temp folder. */
export interface NpmStart {
  /** http://localhost:<port> */
  origin: string;
  url(sitePath: string): string;
  contentDir: string;
  /** Does not exist until a test makes it. */
  historyDir: string;
  outDir: string;
  /** Resolves with the next output line matching `pattern` printed after this call; rejects if npm start exits first. */
  nextLine(pattern: RegExp): Promise<string>;
  /** Everything npm start printed so far, stdout and stderr interleaved. */
  output(): string;
  stop(): Promise<void>;
}

/** Hands each output line to the waiters registered before it arrived. */
function lineWaiters(child: ChildProcess) {
  let output = "";
  let partial = "";
  let waiters: Array<{ pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  const onData = (chunk: string): void => {
    output += chunk;
    const lines = (partial + chunk).split("\n");
    partial = lines.pop()!;
    for (const line of lines) {
      const matched = waiters.filter((w) => w.pattern.test(line));
      waiters = waiters.filter((w) => !matched.includes(w));
      for (const w of matched) w.resolve(line);
    }
  };
  child.stdout!.setEncoding("utf8").on("data", onData);
  child.stderr!.setEncoding("utf8").on("data", onData);
  child.once("exit", (code) => {
    for (const w of waiters) w.reject(new Error(`npm start exited (${code}) before printing ${w.pattern}:\n${output}`));
    waiters = [];
  });
  return {
    output: () => output,
    next: (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        if (child.exitCode !== null) reject(new Error(`npm start has exited:\n${output}`));
        else waiters.push({ pattern, resolve, reject });
      }),
  };
}

/** Starts `npm start` on PORT=0 (a free port the server picks) and resolves once the first build is served. */
export async function startNpmStart(env: Record<string, string> = {}): Promise<NpmStart> {
  const root = mkdtempSync(path.join(tmpdir(), "policy-npm-start-"));
  const contentDir = path.join(root, "content");
  const historyDir = path.join(root, "history");
  const outDir = path.join(root, "site");
  cpSync(realContentDir, contentDir, { recursive: true });
  const child = spawn("npm", ["start"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: "0",
      POLICY_CONTENT_DIR: contentDir,
      POLICY_HISTORY_DIR: historyDir,
      OUTPUT_DIR: outDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it stops npm, its shell and Node together.
    detached: true,
  });
  const lines = lineWaiters(child);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [serverLine] = await Promise.all([lines.next(/Server at http:\/\/localhost:\d+\//), lines.next(/^Built /)]);
    const origin = /(http:\/\/localhost:\d+)/.exec(serverLine)![1];
    return {
      origin,
      url: (sitePath) => `${origin}${sitePath}`,
      contentDir,
      historyDir,
      outDir,
      nextLine: lines.next,
      output: lines.output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Resolves once the page's live-reload script has connected to the dev server (its
 * "connected" message over the WebSocket): from then on, a build reloads the page.
 * Call before the navigation that loads the page.
 */
export function liveReloadConnected(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.once("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (String(payload).includes('"status":"connected"')) resolve();
      }),
    );
  });
}

/** Runs `change` and resolves when the page has reloaded after it and reconnected for the next one. */
export async function reloadAfter(page: Page, change: () => void): Promise<void> {
  const reloaded = page.waitForEvent("load");
  const connected = liveReloadConnected(page);
  change();
  await Promise.all([reloaded, connected]);
}
