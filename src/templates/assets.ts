import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, transform } from "esbuild";
import { AssetSources } from "./asset-sources.ts";

/** Our own CSS, JS and icons, each under a name that carries its content hash, so caches may keep them forever. */
export interface Asset {
  /** Site-relative URL, e.g. "/assets/site.3f9a0c1d.css". */
  url: string;
  content: Buffer;
}

/** "site.css" + bytes → "site.<8 hex>.css": a new name whenever the content changes. */
export function fingerprintName(name: string, content: Uint8Array): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 8);
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

/**
 * Points `url("icon.svg")` in a stylesheet at the icon's fingerprinted URL. The URL is absolute
 * because a `url()` inside a custom property resolves against the stylesheet that uses it, not
 * the one that defines it.
 */
export function rewriteCssUrls(css: string, renamed: Record<string, string>): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (match, quote: string, ref: string) =>
    ref in renamed ? `url(${quote}${renamed[ref]}${quote})` : match,
  );
}

/**
 * Our stylesheet and scripts without comments and spaces: the stylesheet blocks the first render of
 * every page, and minified it and the script save 1.4 KB gzip of a section page's 6.9 KB
 * (docs/performance.md). Other files pass through unchanged. Asynchronous, because esbuild's
 * synchronous API starts a thread and waits for its process: a tenth of the real policy's build.
 * https://esbuild.github.io/api/#minify
 */
export async function minifyAsset(name: string, content: string): Promise<string> {
  const loader = name.endsWith(".css") ? "css" : name.endsWith(".js") ? "js" : undefined;
  if (!loader) return content;
  const minified = await transform(content, {
    loader,
    minify: true,
    legalComments: "none",
    ...(loader === "js" ? { format: "esm" as const } : {}),
  });
  return minified.code;
}

/** What a site adds to the assets folder's files: CSS after site.css's own, and files of its own (a logo). */
export interface ExtraAssets {
  siteCss?: string;
  /** Keyed by the name templates use, each with the file name its URL is made from. */
  files?: Record<string, { fileName: string; content: Buffer }>;
}

/** A script that imports modules of its own (`import … from "./search/…"`), rather than standing alone. */
export const importsModules = (script: string): boolean => /^\s*import\s[^(]/m.test(script);

/**
 * A script and the modules it imports as one minified file, so the page makes one request and
 * each module stays small and testable on its own (assets/search.js and assets/search/). Every
 * file it is made from is read through `sources`, which records it. https://esbuild.github.io/api/#bundle
 */
export async function bundleScript(file: string, sources = new AssetSources()): Promise<string> {
  const result = await build({
    entryPoints: [file],
    plugins: [sources.plugin()],
    bundle: true,
    write: false,
    minify: true,
    legalComments: "none",
    format: "esm",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/**
 * Every file at the top of the assets folder, keyed by its plain name ("site.css"); folders hold
 * the modules scripts import. Stylesheets are hashed after their URLs are rewritten. Every file
 * read is recorded in `sources` (./asset-sources.ts), so `npm start` can keep the assets while none
 * of those files changes.
 */
export async function collectAssets(
  dir: string,
  pathPrefix = "/",
  extra: ExtraAssets = {},
  sources = new AssetSources(),
): Promise<Record<string, Asset>> {
  const names = sources.list(dir);
  const assets: Record<string, Asset> = {};
  const renamed: Record<string, string> = {};
  for (const name of names.filter((n) => !n.endsWith(".css"))) {
    const file = path.join(dir, name);
    const raw = sources.read(file);
    const script = name.endsWith(".js") ? raw.toString("utf8") : undefined;
    const content =
      script === undefined
        ? raw
        : Buffer.from(importsModules(script) ? await bundleScript(file, sources) : await minifyAsset(name, script));
    const url = `/assets/${fingerprintName(name, content)}`;
    renamed[name] = `${pathPrefix}${url.slice(1)}`;
    assets[name] = { url, content };
  }
  for (const [name, { fileName, content }] of Object.entries(extra.files ?? {})) {
    assets[name] = { url: `/assets/${fingerprintName(fileName, content)}`, content };
  }
  for (const name of names.filter((n) => n.endsWith(".css"))) {
    const own =
      sources.read(path.join(dir, name)).toString("utf8") + (name === "site.css" ? (extra.siteCss ?? "") : "");
    const content = Buffer.from(await minifyAsset(name, rewriteCssUrls(own, renamed)));
    assets[name] = { url: `/assets/${fingerprintName(name, content)}`, content };
  }
  return assets;
}

/** What besides the assets folder's files `collectAssets` makes its result from, as one string: equal strings, equal settings. */
export function assetSettingsKey(pathPrefix: string, extra: ExtraAssets): string {
  const hash = createHash("sha256").update(`${pathPrefix}\0${extra.siteCss ?? ""}`);
  for (const [name, { fileName, content }] of Object.entries(extra.files ?? {})) {
    hash.update(`\0${name}\0${fileName}\0`).update(content);
  }
  return hash.digest("hex");
}

/** Writes the assets under their fingerprinted names into the output folder. */
export function writeAssets(assets: Record<string, Asset>, outputDir: string): void {
  mkdirSync(path.join(outputDir, "assets"), { recursive: true });
  for (const asset of Object.values(assets)) {
    writeFileSync(path.join(outputDir, asset.url), asset.content);
  }
}

/**
 * The stylesheet for rich text (tables, notes, terms, callouts, summaries) when some page's text
 * has one, and not otherwise: a site holds no file that no page uses.
 */
export function withoutUnusedStyles(assets: Record<string, Asset>, richText: boolean): Record<string, Asset> {
  if (richText) return assets;
  const { "rich-text.css": _unused, ...used } = assets;
  return used;
}

/**
 * The compare form's script, and the compare page's own script and stylesheet (which draw the pairs
 * not built ahead), when there are two versions to compare, and not otherwise.
 */
export function withoutUnusedScripts(assets: Record<string, Asset>, compare: boolean): Record<string, Asset> {
  if (compare) return assets;
  const { "compare.js": _form, "compare-view.js": _view, "compare-view.css": _styles, ...used } = assets;
  return used;
}
