/**
 * The one source of the site's response headers: `_headers` (Netlify, Cloudflare Pages) and the
 * nginx config are both rendered from these rules, so the hosts cannot drift apart.
 */

/** URL pattern in `_headers` syntax (`*` any rest of the path, `:name` one segment) and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
  /** One line on why, written above the rule in both files. */
  why: string;
}

/**
 * The strict policy the site is built for: nothing but our own files. Pagefind compiles its
 * WebAssembly ('wasm-unsafe-eval', not 'unsafe-eval') and searches in a same-origin Worker.
 * https://pagefind.app/docs/hosting/
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ["default-src", "'self'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["style-src", "'self'"],
  ["img-src", "'self'"],
  ["connect-src", "'self'"],
  ["worker-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'none'"],
];

/** Directives a `<meta http-equiv>` policy cannot carry; browsers ignore them there with a console error. */
const HEADER_ONLY_DIRECTIVES = new Set(["frame-ancestors", "report-uri", "sandbox"]);

/** The Content-Security-Policy value; `forMeta` leaves out what only a header may say. */
export function contentSecurityPolicy({ forMeta = false } = {}): string {
  return CSP_DIRECTIVES.filter(([name]) => !(forMeta && HEADER_ONLY_DIRECTIVES.has(name)))
    .map(([name, sources]) => `${name} ${sources}`)
    .join("; ");
}

/** Features the site never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** The Atom feed's media type. https://www.rfc-editor.org/rfc/rfc4287 */
export const FEED_TYPE = "application/atom+xml; charset=utf-8";

/** Markdown's media type. https://www.rfc-editor.org/rfc/rfc7763 */
export const MARKDOWN_TYPE = "text/markdown; charset=utf-8";

/** Fingerprinted files never change under their name. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
/**
 * Everything else is revalidated on every use (a cheap 304): a reader sees an edit as soon as it
 * is deployed, and Pagefind's entry files never point at index files an older deploy removed.
 */
export const CACHE_REVALIDATE = "public, max-age=0, must-revalidate";

/**
 * Every rule, with `pathPrefix` ("/" or "/privacy/") in front of each pattern.
 *
 * Hosts differ when two rules match one path. Cloudflare Pages matches patterns exactly and joins
 * the values of a header set twice. Netlify makes a trailing slash optional (so it reads the
 * page-folder pattern as matching every path) and lets the later rule win. So no two rules may
 * set one header on any file the site has, and the fingerprinted folders come last, where on
 * Netlify they win over the broad revalidate rules above them.
 * https://docs.netlify.com/manage/routing/headers/ https://developers.cloudflare.com/pages/configuration/headers/
 */
export function headerRules(pathPrefix: string): HeaderRule[] {
  const p = pathPrefix;
  const cache = (pattern: string, value: string, why: string): HeaderRule => ({
    pattern: `${p}${pattern}`,
    headers: { "Cache-Control": value },
    why,
  });
  return [
    {
      pattern: `${p}*`,
      why: "Every response: only our own files may run or load, no sniffing, no referrer, no device features.",
      headers: {
        "Content-Security-Policy": contentSecurityPolicy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
      },
    },
    cache("", CACHE_REVALIDATE, "The whole-policy page."),
    cache("*/", CACHE_REVALIDATE, "Every other page, at any depth: sections, search, history."),
    cache("*.html", CACHE_REVALIDATE, "The same pages by their file names, and 404.html."),
    cache("*.xml", CACHE_REVALIDATE, "sitemap.xml and the history feed."),
    cache("*.txt", CACHE_REVALIDATE, "robots.txt."),
    cache("*.pdf", CACHE_REVALIDATE, "The PDFs (npm run build -- --pdf) keep their names when the policy changes."),
    cache("history/*.json", CACHE_REVALIDATE, "Each version's text as data, and its schema."),
    cache("history/*.md", CACHE_REVALIDATE, "Each version's Markdown source."),
    cache("pagefind/:file", CACHE_REVALIDATE, "Pagefind's entry files keep their names from build to build."),
    {
      pattern: `${p}history/feed.xml`,
      headers: { "Content-Type": FEED_TYPE },
      why: "The changes feed is Atom; by its .xml name alone hosts would call it text/xml.",
    },
    {
      pattern: `${p}history/*.md`,
      headers: { "Content-Type": MARKDOWN_TYPE },
      why: "Each version's Markdown source is UTF-8 text; nginx's own types do not know .md.",
    },
    cache("assets/*", CACHE_IMMUTABLE, "Our CSS, JS and icons carry a content hash in their names."),
    cache("pagefind/fragment/*", CACHE_IMMUTABLE, "Pagefind names its index chunks by their content hash."),
    cache("pagefind/index/*", CACHE_IMMUTABLE, "Pagefind names its index chunks by their content hash."),
    cache("pagefind/filter/*", CACHE_IMMUTABLE, "Pagefind names its index chunks by their content hash."),
  ];
}

/** `_headers` as Netlify and Cloudflare Pages read it. https://docs.netlify.com/manage/routing/headers/ */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [`# ${rule.why}`, rule.pattern, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join(
      "\n",
    ),
  );
  return `# Generated by the build from src/deploy/security-headers.ts; edit the rules there.\n\n${blocks.join("\n\n")}\n`;
}

/** A pattern as an anchored regular expression, written the same way for JavaScript and PCRE (nginx). */
export function patternSource(pattern: string): string {
  const body = pattern
    .split(/(\*|:[A-Za-z_]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return `^${body}$`;
}

/** The rules whose pattern matches a path (with the prefix, as requested), in file order. */
export function rulesForPath(rules: readonly HeaderRule[], path: string): HeaderRule[] {
  return rules.filter((rule) => new RegExp(patternSource(rule.pattern)).test(path));
}
