/**
 * The output holds only what is served and used: every file in the built site is a page a reader
 * can reach, a file a page loads, a file Pagefind's own script loads, or a file a host or a
 * crawler reads. Anything else is weight every deploy carries for nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/lib/files.ts";
import { fileOf, sitePathOf } from "../../src/lib/urls.ts";
import { type BuiltSite, buildToTemp, fixtureContent, fixtureHistory } from "../helpers/site.ts";

let site: BuiltSite;
beforeAll(async () => {
  // A history of three versions, so the history pages and their feed are all there.
  site = await buildToTemp({ contentDir: fixtureContent("revisions"), historyDir: fixtureHistory("revisions") });
});
afterAll(() => site?.cleanup());

const read = (file: string): string => readFileSync(path.join(site.outDir, file), "utf8");

/** The site's public origin, as its pages name it in their canonical links. */
const origin = (): string => new URL(load(read("index.html"))("link[rel=canonical]").attr("href")!).origin;

/** The site file a URL found in `from` (a site file) points to, if it is a file of this site. */
function targetOf(url: string, from: string): string | undefined {
  const resolved = new URL(url, `${origin()}${sitePathOf(from)}`);
  if (resolved.origin !== origin()) return undefined;
  return fileOf(decodeURIComponent(resolved.pathname));
}

/** Every file reachable from the host's entry points, with what led to it. */
function usedFiles(files: readonly string[]): Map<string, string> {
  const used = new Map<string, string>();
  const queue: string[] = [];
  const use = (file: string | undefined, why: string): void => {
    if (!file || used.has(file) || !files.includes(file)) return;
    used.set(file, why);
    queue.push(file);
  };
  // What hosts and crawlers ask for themselves.
  use("index.html", "the site's root");
  use("404.html", "served by every host at unknown addresses");
  use("_headers", "read by Netlify and Cloudflare Pages");
  use("robots.txt", "read by crawlers");
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = read(file);
    if (file.endsWith(".html")) {
      const $ = load(text);
      $("[href], [src], [action]").each((_, el) => {
        const url = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action")!;
        use(targetOf(url, file), `linked from ${file}`);
      });
    }
    for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+)/g)) use(targetOf(url, file), `url() in ${file}`);
    for (const [, loc, sitemap] of text.matchAll(/<loc>([^<]+)<\/loc>|Sitemap: (\S+)/g)) {
      use(targetOf(loc ?? sitemap, file), `listed in ${file}`);
    }
    for (const [name] of text.matchAll(/pagefind\/[\w.-]+\.js(?:on)?/g)) use(name, `loaded by ${file}`);
  }
  return used;
}

/** Pagefind's own files, loaded by pagefind.js: its worker, its entry file, the WebAssembly and index it names. */
function searchFiles(files: readonly string[]): string[] {
  const entry = JSON.parse(read("pagefind/pagefind-entry.json")) as {
    languages: Record<string, { hash: string; wasm: string }>;
  };
  const named = ["pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json"];
  for (const { hash, wasm } of Object.values(entry.languages)) {
    const meta = `pagefind/pagefind.${hash}.pf_meta`;
    named.push(meta, `pagefind/wasm.${wasm}.pagefind`);
    // The metadata names every index, fragment and filter chunk by its hash.
    const inMeta = gunzipSync(readFileSync(path.join(site.outDir, meta))).toString("latin1");
    named.push(
      ...files.filter((f) => /^pagefind\/(index|fragment|filter)\//.test(f) && inMeta.includes(path.parse(f).name)),
    );
  }
  return named;
}

describe("the built site", () => {
  it("holds only files that a page, Pagefind, a host or a crawler uses", () => {
    const files = listFiles(site.outDir);
    const used = usedFiles(files);
    // Pagefind's script is loaded by the search page; it loads the rest itself.
    expect(used.get("pagefind/pagefind.js")).toMatch(/^loaded by assets\//);
    for (const file of searchFiles(files)) if (!used.has(file)) used.set(file, "loaded by Pagefind's script");
    expect(files.filter((file) => !used.has(file))).toEqual([]);
  });

  it("reaches every page from the root, the history and its feed included", () => {
    const used = usedFiles(listFiles(site.outDir));
    for (const file of [
      "history/index.html",
      "history/2016-01-10/index.html",
      "history/2018-05-25/changes/index.html",
    ]) {
      expect(used.get(file), file).toMatch(/^linked from /);
    }
    expect(used.get("history/feed.xml")).toMatch(/^linked from /);
    expect(used.get("sitemap.xml")).toBe("listed in robots.txt");
  });
});
