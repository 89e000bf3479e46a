import { type HeaderRule, patternSource } from "./security-headers.ts";

export interface NginxOptions {
  /** "/" or "/privacy/": where the site is mounted. */
  pathPrefix: string;
  /** The public origin; its host becomes `server_name`. */
  siteUrl: string;
  /** The folder that holds the site, so that `dist/` is copied to `root` + `pathPrefix`. */
  root?: string;
}

/** `Content-Security-Policy` → `$policy_content_security_policy`. */
export function headerVariable(name: string): string {
  return `$policy_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

/**
 * Every header name the rules set, in the order they first appear, but Content-Type: nginx sends
 * its own, so a second one from add_header would be a duplicate. Content types are set per file
 * with `types` instead (renderTypeLocation).
 */
function headerNames(rules: readonly HeaderRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => Object.keys(rule.headers)))].filter((name) => name !== "Content-Type");
}

/**
 * A file, or every file with one extension (`/*.md`), whose rule sets its Content-Type: a location
 * that gives every name that type.
 */
function renderTypeLocation(rule: HeaderRule): string[] {
  const type = rule.headers["Content-Type"];
  const byExtension = /^[^*:]*\*\.[a-z0-9]+$/.test(rule.pattern);
  if (/[*:]/.test(rule.pattern) && !byExtension)
    throw new Error(`a Content-Type rule must name one file or one extension, not ${rule.pattern}`);
  const [mediaType] = type.split(";");
  return [
    `    # ${rule.why}`,
    byExtension ? `    location ~ ${patternSource(rule.pattern)} {` : `    location = ${rule.pattern} {`,
    `        types { }`,
    `        default_type ${mediaType};`,
    `        charset_types ${mediaType};`,
    "    }",
  ];
}

/**
 * One `map` per header: the first pattern that matches the file nginx serves gives the value, an
 * empty value sends no header. The rules never let two patterns set one header for the same path
 * (see headerRules), so first-match here gives what every-match gives in `_headers`.
 */
function renderMap(rules: readonly HeaderRule[], name: string): string {
  const entries = rules
    .filter((rule) => name in rule.headers)
    .map((rule) => `    "~${patternSource(rule.pattern)}" "${rule.headers[name]}";  # ${rule.pattern}`);
  return [`map $uri ${headerVariable(name)} {`, `    default "";`, ...entries, "}"].join("\n");
}

/**
 * The nginx equivalent of `_headers`, as a file for `/etc/nginx/conf.d/` (read inside `http {}`).
 * `add_header ... always` also covers the 404 page, and is set once at server level because a
 * location with its own add_header would drop all inherited ones.
 */
export function renderNginxConfig(rules: readonly HeaderRule[], options: NginxOptions): string {
  const { pathPrefix, siteUrl, root = "/var/www/policy" } = options;
  const names = headerNames(rules);
  const header = [
    "# nginx config for the policy site: the same header rules as dist/_headers, from src/deploy/security-headers.ts.",
    `# Made for PATH_PREFIX=${pathPrefix} SITE_URL=${siteUrl}. Regenerate for other values with`,
    "#   PATH_PREFIX=... SITE_URL=... npm run --silent nginx-config > my-site.conf",
    "#",
    `# Install: copy dist/ to ${root}${pathPrefix}, put this file in /etc/nginx/conf.d/, add TLS as for`,
    "# your other sites (listen 443 ssl; ssl_certificate ...), then: nginx -t && systemctl reload nginx",
  ];
  const server = [
    "server {",
    "    listen 80;",
    "    listen [::]:80;",
    `    server_name ${new URL(siteUrl).hostname};`,
    `    root ${root};`,
    "    index index.html;",
    "    charset utf-8;",
    "    # A folder asked for without its slash is redirected on the scheme and host the reader used.",
    "    absolute_redirect off;",
    "    # Pagefind's index files (.pagefind, .pf_meta, .pf_index, .pf_fragment) are opaque bytes.",
    "    default_type application/octet-stream;",
    "",
    ...names.map((name) => `    add_header ${name} ${headerVariable(name)} always;`),
    "",
    `    location ${pathPrefix} {`,
    "        try_files $uri $uri/ =404;",
    "    }",
    "    # The host's own configuration, read by Netlify and Cloudflare Pages: never a page to serve.",
    `    location = ${pathPrefix}_headers {`,
    "        return 404;",
    "    }",
    ...rules.filter((rule) => "Content-Type" in rule.headers).flatMap(renderTypeLocation),
    `    error_page 404 ${pathPrefix}404.html;`,
    "}",
  ];
  return `${[header.join("\n"), ...names.map((name) => renderMap(rules, name)), server.join("\n")].join("\n\n")}\n`;
}
