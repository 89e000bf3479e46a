import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { headerRules } from "../deploy/security-headers.ts";
import { findKnownError } from "../lib/command.ts";
import { formatNotices } from "../lib/notices.ts";
import type { ServeOptions } from "../options.ts";
import { type BuildFailure, describeBuildFailure } from "./build-failure.ts";
import { BuildReuse } from "./build-reuse.ts";
import { buildSite } from "./build-site.ts";
import { type DevSite, devMiddleware } from "./dev-responses.ts";
import { watchedFolders, watchSources } from "./watch-sources.ts";

export interface DevServer {
  /** Where the site is served, e.g. http://localhost:8080/ (the port the server got, if PORT was taken or 0). */
  url: string;
  /** Resolves after the build that follows the latest change has finished (or failed). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface DevLog {
  info(line: string): void;
  /** A failed build: its `file:line: problem → fix` lines, or a bug with its stack trace. */
  error(message: unknown): void;
}

/** The headers the host sends with every response (CSP and the rest), so the dev server is as strict. */
function everyResponseHeaders(pathPrefix: string): Record<string, string> {
  return Object.assign(
    {},
    ...headerRules(pathPrefix).map((rule) => (rule.pattern === `${pathPrefix}*` ? rule.headers : {})),
  );
}

/** One build of the site for the dev server: its line in the terminal, and why it failed, if it did. */
function devBuilds(options: ServeOptions, log: DevLog) {
  let failure: BuildFailure | undefined;
  const reuse = new BuildReuse();
  const shownOutDir = path.relative(process.cwd(), options.outDir) || options.outDir;
  const build = async (): Promise<void> => {
    const started = performance.now();
    try {
      // A preview: edits to published text are shown, with a warning, before they are published.
      const preview = { ...options, validateHtml: false, purpose: "preview" } as const;
      const { searchPages, notices } = await buildSite(preview, { reuse });
      for (const notice of formatNotices(notices)) log.info(notice);
      failure = undefined;
      const ms = Math.round(performance.now() - started);
      log.info(`Built ${shownOutDir} (${searchPages} pages searchable) in ${ms} ms.`);
    } catch (error) {
      failure = describeBuildFailure(error);
      const known = findKnownError(error);
      log.error(known ? `\nBuild failed: ${known.message}\n` : error);
    }
  };
  return { build, failure: () => failure, close: () => reuse.close() };
}

/**
 * One build at a time: changes that arrive during a build are folded into the next one, and
 * `afterLast` runs once the last of them is built (a renamed file is two changes, one reload).
 */
export function buildQueue(build: () => Promise<void>, afterLast: () => void) {
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  const request = (): Promise<void> => {
    if (pending) return running;
    pending = true;
    running = running.then(async () => {
      pending = false;
      await build();
      if (!pending) afterLast();
    });
    return running;
  };
  return { request, settled: () => running };
}

/**
 * `npm start`: the same build as `npm run build` (src/pipeline/build-site.ts), run once at start
 * and again on every change to a watched file, served with live reload. Each build is staged and
 * swapped in whole, and requests wait while one runs, so the server never shows a half-written or
 * outdated site. While the content has a mistake, every page is the error page
 * (src/pipeline/build-error-page.ts), and every open tab reloads to it and back.
 */
export async function startDevServer(
  options: ServeOptions,
  log: DevLog = { info: console.log, error: console.error },
): Promise<DevServer> {
  const builds = devBuilds(options, log);
  const queue = buildQueue(builds.build, () => server.reload({ files: [] }));
  const headers = everyResponseHeaders(options.pathPrefix);
  const site: DevSite = {
    outDir: options.outDir,
    headers,
    settled: queue.settled,
    failure: builds.failure,
    // Its own mapping of URLs to files, so the pages we serve and the files it serves agree.
    mapUrl: (url) => server.mapUrlToFilePath(url),
  };
  const server = EleventyDevServer.getServer("policy", options.outDir, {
    port: options.port,
    pathPrefix: options.pathPrefix,
    // Our middleware adds the reload script itself, as a file the CSP allows (src/pipeline/dev-responses.ts).
    liveReload: false,
    domDiff: false,
    headers,
    middleware: [devMiddleware(site)],
    logger: { info: log.info, log: log.info, error: log.error },
  });
  // The first build, the watch and the server start together: a page asked for meanwhile waits
  // for the build, and a change saved meanwhile is built next.
  const first = queue.request();
  const watching = watchSources(watchedFolders(options), () => void queue.request());
  server.serve(options.port);
  await server.ready();
  const watcher = await watching;
  await first;

  return {
    url: server.getServerUrl("localhost"),
    settled: queue.settled,
    close: async () => {
      await watcher.close();
      await server.close();
      await queue.settled();
      await builds.close();
    },
  };
}
