import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSiteJson } from "../../src/content/site-json.ts";
import { renderNginxConfig } from "../../src/deploy/nginx-config.ts";
import { headerRules, renderHeadersFile } from "../../src/deploy/security-headers.ts";
import { projectRoot, readSiteOptions } from "../../src/options.ts";
import { headersFor, parseHeadersFile } from "../../src/tools/static-server.ts";
import { realContentDir } from "../helpers/site.ts";

/**
 * What nginx would send for a URI under the generated config: for each `add_header Name $var`,
 * the first regex entry of `map $uri $var` that matches; an empty value sends nothing.
 */
function nginxHeadersFor(config: string, uri: string): Record<string, string> {
  const maps = new Map<string, Array<[RegExp, string]>>();
  for (const [, variable, body] of config.matchAll(/^map \$uri (\$\w+) \{\n([\s\S]*?)\n\}/gm)) {
    maps.set(
      variable!,
      [...body!.matchAll(/^ +"~([^"]+)" "([^"]*)";/gm)].map(([, regex, value]) => [new RegExp(regex!), value!]),
    );
  }
  const headers: Record<string, string> = {};
  for (const [, name, variable] of config.matchAll(/^ +add_header (\S+) (\$\w+) always;$/gm)) {
    const value = maps.get(variable!)?.find(([regex]) => regex.test(uri))?.[1] ?? "";
    if (value) headers[name!.toLowerCase()] = value;
  }
  return headers;
}

const uris = (p: string) => [
  `${p}index.html`,
  `${p}cookies/index.html`,
  `${p}404.html`,
  `${p}sitemap.xml`,
  `${p}robots.txt`,
  `${p}assets/site.0123abcd.css`,
  `${p}pagefind/pagefind.js`,
  `${p}pagefind/wasm.en.pagefind`,
  `${p}pagefind/fragment/en_1.pf_fragment`,
  `${p}pagefind/index/en_2.pf_index`,
  `${p}deeper/than/any/page.txt`,
  "/outside/the/prefix.html",
];

describe("the nginx config", () => {
  it.each(["/", "/privacy/"])("sends for every file under %s exactly the headers _headers gives it", (prefix) => {
    const rules = headerRules(prefix);
    const config = renderNginxConfig(rules, { pathPrefix: prefix, siteUrl: "https://example.org" });
    const fromHeadersFile = parseHeadersFile(renderHeadersFile(rules));
    for (const uri of uris(prefix)) expect(nginxHeadersFor(config, uri), uri).toEqual(headersFor(fromHeadersFile, uri));
    expect(nginxHeadersFor(config, `${prefix}assets/site.0123abcd.css`)).toHaveProperty("cache-control");
  });

  it("serves the site under its prefix, with its 404 page, for the host in SITE_URL", () => {
    const config = renderNginxConfig(headerRules("/privacy/"), {
      pathPrefix: "/privacy/",
      siteUrl: "https://policies.example.org",
      root: "/srv/www",
    });
    expect(config).toContain("    server_name policies.example.org;\n    root /srv/www;\n");
    expect(config).toContain("    location /privacy/ {\n        try_files $uri $uri/ =404;\n    }\n");
    expect(config).toContain("    error_page 404 /privacy/404.html;\n}\n");
    expect(config).toContain("# Install: copy dist/ to /srv/www/privacy/,");
  });

  it("never serves _headers, the host file that lists the response headers", () => {
    const config = renderNginxConfig(headerRules("/privacy/"), {
      pathPrefix: "/privacy/",
      siteUrl: "https://example.org",
    });
    expect(config).toContain("    location = /privacy/_headers {\n        return 404;\n    }\n");
  });

  it("serves the changes feed as Atom, by its own type rather than by the .xml extension, and adds no second Content-Type", () => {
    const config = renderNginxConfig(headerRules("/"), { pathPrefix: "/", siteUrl: "https://example.org" });
    expect(config).toContain(
      "    location = /history/feed.xml {\n        types { }\n        default_type application/atom+xml;\n        charset_types application/atom+xml;\n    }\n",
    );
    expect(config).not.toMatch(/add_header Content-Type/);
    expect(renderHeadersFile(headerRules("/"))).toContain(
      "/history/feed.xml\n  Content-Type: application/atom+xml; charset=utf-8\n",
    );
  });

  it("is committed as deploy/nginx.conf for the default settings, up to date with the rules", () => {
    const site = readSiteJson(realContentDir, readSiteOptions({}));
    const expected = renderNginxConfig(headerRules(site.pathPrefix), site);
    const committed = readFileSync(path.join(projectRoot, "deploy", "nginx.conf"), "utf8");
    expect(committed, "deploy/nginx.conf is out of date: run `npm run --silent nginx-config > deploy/nginx.conf`").toBe(
      expected,
    );
  });
});
