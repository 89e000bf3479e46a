import path from "node:path";
import chokidar from "@11ty/chokidar-with-glob-support";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { findKnownError } from "../lib/command.ts";
import { formatNotices } from "../lib/notices.ts";
import { projectRoot, type ServeOptions } from "../options.ts";
import { buildSite } from "./build-site.ts";

/** What a rebuild watches: the policy, its history, and the templates and assets the site is made from. */
export function watchedFolders(options: ServeOptions): string[] {
  return [
    options.contentDir,
    options.historyDir,
    ...["pages", "layouts", "assets"].map((d) => path.join(projectRoot, d)),
  ];
}

export interface DevServer {
  url: string;
  /** Resolves after the rebuild that follows the latest change has finished (or failed). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `npm start`: the same build as `npm run build` (src/pipeline/build-site.ts), served from the output
 * folder with live reload, and run again whenever a watched file is added, changed or deleted.
 * Each build is staged and swapped in whole, so the server never shows a half-written site.
 */
export async function startDevServer(options: ServeOptions, log = console.log): Promise<DevServer> {
  const build = async (): Promise<boolean> => {
    const started = performance.now();
    try {
      // A preview: edits to published text are shown, with a warning, before they are published.
      const { searchPages, notices } = await buildSite({ ...options, validateHtml: false, purpose: "preview" });
      for (const notice of formatNotices(notices)) log(notice);
      log(
        `Built ${path.relative(process.cwd(), options.outDir) || "."} (${searchPages} pages searchable) in ${Math.round(performance.now() - started)} ms.`,
      );
      return true;
    } catch (error) {
      const known = findKnownError(error);
      log(known ? `\nBuild failed: ${known.message}\n` : String((error as Error).stack ?? error));
      return false;
    }
  };
  await build();

  const server = EleventyDevServer.getServer("policy", options.outDir, {
    port: options.port,
    pathPrefix: options.pathPrefix,
    domDiff: false,
    logger: { info: log, log, error: log },
  });
  server.serve(options.port);
  await server.ready();

  // One build at a time; changes that arrive during a build are folded into the next one.
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  const rebuild = (): Promise<void> => {
    if (pending) return running;
    pending = true;
    running = running.then(async () => {
      pending = false;
      if (await build()) server.reload({ files: [] });
    });
    return running;
  };
  const watcher = chokidar.watch(watchedFolders(options), {
    ignoreInitial: true,
    // A save is settled once the file has been still for 50 ms: the edit-to-page target is 300 ms.
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  });
  watcher.on("all", () => void rebuild());
  await new Promise<void>((ready) => watcher.once("ready", ready));

  return {
    url: `http://localhost:${options.port}${options.pathPrefix}`,
    settled: () => running,
    close: async () => {
      await watcher.close();
      await server.close();
    },
  };
}
