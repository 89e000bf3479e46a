import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type CheerioAPI, load } from "cheerio";
import { hashFiles } from "../../src/lib/files.ts";
import { fileOf } from "../../src/lib/urls.ts";
import { type BuildOptions, projectRoot, readBuildOptions } from "../../src/options.ts";
import { type BuildHooks, buildSite } from "../../src/pipeline/build-site.ts";

export const realContentDir = path.join(projectRoot, "content");
export const fixturesDir = path.join(projectRoot, "tests", "fixtures");

export interface BuiltSite {
  outDir: string;
  /** Parses a page by its site path ("/", "/cookies/", "/404.html"). */
  page(sitePath: string): CheerioAPI;
  cleanup(): void;
}

export type TempBuildOptions = Partial<Omit<BuildOptions, "outDir">> &
  BuildHooks & {
    /** Environment variables, read the way the build command reads them (SITE_URL, PATH_PREFIX …). */
    env?: Record<string, string>;
  };

/** Build options as `npm run build` reads them from `env`, for the real content unless overridden. */
export function buildOptions(
  overrides: Partial<BuildOptions> & { outDir: string },
  env: Record<string, string> = {},
): BuildOptions {
  return { ...readBuildOptions([], env), contentDir: realContentDir, ...overrides };
}

/**
 * Builds a content folder into a fresh temp folder (never dist/). Every page is run through
 * html-validate too, as the deploy workflow does, unless told otherwise.
 */
export async function buildToTemp(options: TempBuildOptions = {}): Promise<BuiltSite> {
  const { env = {}, checks, onStep, verbose, ...overrides } = options;
  const root = mkdtempSync(path.join(tmpdir(), "policy-build-"));
  const outDir = path.join(root, "site");
  await buildSite(buildOptions({ validateHtml: true, ...overrides, outDir }, env), { checks, onStep, verbose });
  return {
    outDir,
    page: (sitePath) => load(readFileSync(pageFile(outDir, sitePath), "utf8")),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The file a site path is served from. */
export function pageFile(outDir: string, sitePath: string): string {
  return path.join(outDir, fileOf(sitePath));
}

export interface SearchFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: Array<{ element: string; id: string; text: string; location: number; title?: string }>;
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
export const hashTree = hashFiles;
