import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type CheerioAPI, load } from "cheerio";
import { type BuildOptions, buildSite, projectRoot } from "../../src/build-site.ts";

export const realContentDir = path.join(projectRoot, "content");
export const fixturesDir = path.join(projectRoot, "tests", "fixtures");

export interface BuiltSite {
  outDir: string;
  /** Parses a page by its site path ("/", "/cookies/", "/404.html"). */
  page(sitePath: string): CheerioAPI;
  cleanup(): void;
}

/**
 * Builds a content folder into a fresh temp folder (never dist/), with extra environment if given.
 * Every page is run through html-validate too, as the deploy workflow does, unless told otherwise.
 */
export async function buildToTemp(
  options: Omit<BuildOptions, "outDir"> & { env?: Record<string, string> } = {},
): Promise<BuiltSite> {
  const root = mkdtempSync(path.join(tmpdir(), "policy-build-"));
  const outDir = path.join(root, "site");
  const saved = { ...process.env };
  Object.assign(process.env, options.env);
  try {
    await buildSite({ contentDir: realContentDir, validateHtml: true, ...options, outDir });
  } finally {
    for (const key of Object.keys(options.env ?? {})) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
  return {
    outDir,
    page: (sitePath) => load(readFileSync(pageFile(outDir, sitePath), "utf8")),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The file a site path is served from. */
export function pageFile(outDir: string, sitePath: string): string {
  const clean = sitePath.split("#")[0].split("?")[0];
  return path.join(outDir, clean.endsWith("/") ? `${clean}index.html` : clean);
}

export interface SearchFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: Array<{ element: string; id: string; text: string; location: number }>;
}

/** Pagefind's per-page records (gzip, "pagefind_dcd" then JSON), to see what the index holds. */
export function readSearchFragments(outDir: string): SearchFragment[] {
  const dir = path.join(outDir, "pagefind", "fragment");
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString("utf8");
    return JSON.parse(text.slice(text.indexOf("{"))) as SearchFragment;
  });
}

/** Text as a reader sees it: whitespace collapsed. */
export const normalizeSpace = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * Copies a fixture's content folder to a temp folder, adding the real site.json when the
 * fixture has none, so each fixture holds only what its scenario needs.
 */
export function fixtureContent(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `fixture-${name}-`));
  cpSync(path.join(fixturesDir, name, "content"), dir, { recursive: true });
  if (!existsSync(path.join(dir, "site.json")))
    copyFileSync(path.join(realContentDir, "site.json"), path.join(dir, "site.json"));
  return dir;
}

/** A fixture's history folder (read only by the build, so it needs no copy). */
export const fixtureHistory = (name: string): string => path.join(fixturesDir, name, "history");

/** Every file under a folder, by relative path, with the SHA-256 of its bytes: two equal maps are two identical trees. */
export function hashTree(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex")] as const;
    });
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}
