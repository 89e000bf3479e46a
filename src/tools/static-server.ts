/**
 * Serves a built site the way the static host will, closely enough for
 * browser tests: mounted under a path prefix, with the site's own 404 page,
 * the response headers from its `_headers` file, and explicit MIME types for
 * the files the host knows but sirv does not.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import sirv from "sirv";

/**
 * sirv (via mrmime) sends an empty Content-Type for extensions it does not
 * know, which includes every Pagefind index file and .ico. application/wasm
 * is already right in mrmime; it is pinned because WebAssembly's streaming
 * compile rejects any other type, so a regression there must not slip in.
 */
export const mimeTypes: Readonly<Record<string, string>> = {
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
  ".ico": "image/x-icon",
};

export interface HeaderRule {
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

/**
 * Parses a Netlify/Cloudflare `_headers` file. Anything it does not
 * understand is an error rather than skipped, so a typo in the real file fails
 * the tests instead of silently dropping a security header.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const content = line.trim();
    if (content === "" || content.startsWith("#")) return;
    const where = `_headers line ${index + 1}`;
    if (!/^\s/.test(line)) {
      // Only path patterns: host-qualified patterns would never match here.
      if (!content.startsWith("/"))
        throw new Error(`${where}: expected a URL path pattern or an indented header, got "${content}"`);
      rules.push({ pattern: content, headers: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where}: header "${content}" comes before any URL pattern`);
    const colon = content.indexOf(":");
    if (colon <= 0) throw new Error(`${where}: expected "Name: value", got "${content}"`);
    rule.headers.push([content.slice(0, colon).trim(), content.slice(colon + 1).trim()]);
  });
  return rules;
}

/**
 * Every matching block applies, in file order, as on Netlify and Cloudflare.
 * A header set more than once gets its values joined with ", " (Cloudflare's
 * documented rule, and valid HTTP for list-valued headers). Names are
 * returned lower-cased.
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternToRegExp(rule.pattern).test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result[key] = key in result ? `${result[key]}, ${value}` : value;
    }
  }
  return result;
}

/** `*` (splat) matches anything, including `/` and nothing; `:name` matches one path segment. */
function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z_]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

export interface ServeOptions {
  /** Mount point such as "/privacy/"; requests outside it get a plain 404. */
  prefix?: string;
  /** A `_headers` file whose patterns include the prefix, as deployed. */
  headersFile?: string;
}

export interface Served {
  /** Where the site's index is, e.g. http://127.0.0.1:4321/privacy/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** The directory is snapshotted when this is called (sirv's production mode), so build the site first. */
export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<Served> {
  const prefix = `/${(options.prefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const rules = options.headersFile ? parseHeadersFile(readFileSync(options.headersFile, "utf8")) : [];
  const sendNotFoundPage = (res: ServerResponse): void => {
    const page = join(root, "404.html");
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html;charset=utf-8");
    res.end(existsSync(page) ? readFileSync(page) : "Not Found");
  };
  const site = sirv(root, {
    // sirv's production mode adds no Cache-Control of its own, so any that
    // appears came from _headers, as on the real host.
    dev: false,
    setHeaders: (res, pathname) => {
      const type = mimeTypes[extname(pathname).toLowerCase()];
      if (type && !res.hasHeader("Content-Type")) res.setHeader("Content-Type", type);
    },
    onNoMatch: (_req, res) => sendNotFoundPage(res),
  });

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname = url.pathname;
    try {
      pathname = decodeURI(pathname);
    } catch {
      // Malformed escapes: match headers against the raw path, as sirv will.
    }
    for (const [name, value] of Object.entries(headersFor(rules, pathname))) res.setHeader(name, value);

    // The host redirects a directory without its trailing slash (the mount
    // point included), which keeps relative links resolving correctly.
    if (
      `${pathname}/` === prefix ||
      (pathname.startsWith(prefix) && isDirectoryIndex(root, pathname.slice(prefix.length)))
    ) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { "Content-Type": "text/plain;charset=utf-8" }).end(`Not Found: outside ${prefix}`);
      return;
    }
    const inner = `/${pathname.slice(prefix.length)}`;
    // The host consumes these configuration files instead of publishing them.
    if (inner === "/_headers" || inner === "/_redirects") {
      sendNotFoundPage(res);
      return;
    }
    req.url = `${inner}${url.search}`;
    site(req, res);
  };

  const server = createServer(handle);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Browsers hold keep-alive connections open, which would stall close().
        server.closeAllConnections();
      }),
  };
}

/** True for "about" when about/index.html exists but about (or about.html) is not a file itself. */
function isDirectoryIndex(root: string, relative: string): boolean {
  if (relative === "" || relative.endsWith("/")) return false;
  const base = resolve(root);
  const target = resolve(base, relative);
  if (!target.startsWith(base + sep)) return false; // encoded ../ must not probe outside the site
  const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();
  return !isFile(target) && !isFile(`${target}.html`) && isFile(join(target, "index.html"));
}
