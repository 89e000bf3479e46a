import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { contentSecurityPolicy } from "../deploy/security-headers.ts";
import { renderBuildErrorPage } from "./build-error-page.ts";
import type { BuildFailure } from "./build-failure.ts";

/**
 * The dev server's own files, at the address @11ty/eleventy-dev-server uses for its script. It
 * would inline the script into every response that is not a 200 (the 404 page, an error page),
 * which the site's CSP blocks; served as a file, the same-origin `script-src 'self'` allows it.
 */
export const RELOAD_SCRIPT = "/.11ty/reload-client.js";
export const ERROR_STYLESHEET = "/.11ty/build-error.css";

const reloadScriptFile = createRequire(import.meta.url).resolve("@11ty/eleventy-dev-server/client/reload-client.js");
const errorStylesheetFile = path.join(import.meta.dirname, "build-error-page.css");

/** A page with the live-reload script in its head. */
export function withReloadScript(html: string): string {
  const tag = `<script type="module" src="${RELOAD_SCRIPT}"></script>`;
  return html.includes("</head>") ? html.replace("</head>", `${tag}</head>`) : `${html}${tag}`;
}

/** Where the dev server would answer a URL from: its own mapping, so pages and files agree. */
export type UrlMapper = (url: string) => { statusCode: number; filepath?: string };

export interface DevSite {
  outDir: string;
  /** Every response's headers: the production ones from src/deploy/security-headers.ts. */
  headers: Record<string, string>;
  /** Resolves when the build in progress, if any, has finished. */
  settled(): Promise<void>;
  /** Why the latest build failed; undefined while the site is good. */
  failure(): BuildFailure | undefined;
  mapUrl: UrlMapper;
}

function send(res: ServerResponse, site: DevSite, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(site.headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "no-store");
  res.end(typeof body === "string" ? Buffer.from(body) : body);
}

const HTML = "text/html; charset=utf-8";

/**
 * Middleware for @11ty/eleventy-dev-server, run before its static files: serves the reload
 * script and the error page's stylesheet; holds each request while a build runs, so what it gets
 * is the finished site; while the latest build has failed, answers every page with the error page;
 * and serves pages and the 404 page with the reload script added.
 */
export function devMiddleware(site: DevSite) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname === RELOAD_SCRIPT) return send(res, site, 200, "text/javascript", readFileSync(reloadScriptFile));
    if (pathname === ERROR_STYLESHEET) return send(res, site, 200, "text/css", readFileSync(errorStylesheetFile));
    await site.settled();
    const match = site.mapUrl(req.url ?? "/");
    const notFound = path.join(site.outDir, "404.html");
    const page =
      match.statusCode === 200 && match.filepath?.endsWith(".html")
        ? match.filepath
        : match.statusCode === 404 && existsSync(notFound)
          ? notFound
          : undefined;
    const failure = site.failure();
    if (failure && (page || match.statusCode === 404)) {
      const links = {
        csp: contentSecurityPolicy({ forMeta: true }),
        outDir: path.relative(process.cwd(), site.outDir),
      };
      const html = renderBuildErrorPage(failure, {
        ...links,
        stylesheet: ERROR_STYLESHEET,
        reloadScript: RELOAD_SCRIPT,
      });
      return send(res, site, 500, HTML, html);
    }
    if (page) return send(res, site, match.statusCode, HTML, withReloadScript(readFileSync(page, "utf8")));
    next();
  };
}
