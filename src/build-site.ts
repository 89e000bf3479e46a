import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { checkBuiltSite } from "./checks/post-build-checks.ts";
import { forgetPolicy, loadHistoryOnce, loadPolicyOnce } from "./policy-cache.ts";
import { buildSearchIndex } from "./search-index.ts";
import { loadSite } from "./site.ts";

export interface BuildOptions {
  /** Where the finished site goes; replaced only when every step succeeded. */
  outDir: string;
  /** The policy's Markdown folder (default `content`). */
  contentDir?: string;
  /** Earlier versions, one `YYYY-MM-DD/` folder each (default `history`; a missing folder means none). */
  historyDir?: string;
  /** Extra steps run on the staged site after the post-build checks, before it replaces `outDir`; a throw fails the build. */
  checks?: Array<(siteDir: string) => void | Promise<void>>;
  quiet?: boolean;
  /** Told how long each step took (content, eleventy, search-index, checks, swap); the benchmark listens. */
  onStep?: (step: BuildStep, ms: number) => void;
}

export type BuildStep = "content" | "eleventy" | "search-index" | "checks" | "swap";

export interface BuildResult {
  outDir: string;
  searchPages: number;
}

/** The project root, where `.eleventy.ts`, `pages/`, `layouts/` and `assets/` live. */
export const projectRoot = path.resolve(import.meta.dirname, "..");
const defaultHistoryDir = path.join(projectRoot, "history");

/** Runs Eleventy into `siteDir`, with the content and history folders the config reads from the environment. */
export async function runEleventy(siteDir: string, contentDir: string, quiet = true, historyDir = defaultHistoryDir): Promise<void> {
  const previous = { POLICY_CONTENT_DIR: process.env.POLICY_CONTENT_DIR, POLICY_HISTORY_DIR: process.env.POLICY_HISTORY_DIR };
  process.env.POLICY_CONTENT_DIR = contentDir;
  process.env.POLICY_HISTORY_DIR = historyDir;
  try {
    // source "cli" makes the output folder given here win over the config's. https://www.11ty.dev/docs/programmatic/
    const eleventy = new Eleventy(path.join(projectRoot, "pages"), siteDir, {
      configPath: path.join(projectRoot, ".eleventy.ts"),
      source: "cli",
      quietMode: quiet,
    });
    await eleventy.write();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Builds the whole site into a staging folder beside `outDir`, checks it (links and anchors, valid
 * HTML, nothing inline: src/checks/), then swaps it in. A failure at any step (content, Eleventy,
 * Pagefind, checks) leaves the previous `outDir` exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const contentDir = path.resolve(options.contentDir ?? path.join(projectRoot, "content"));
  const historyDir = path.resolve(options.historyDir ?? defaultHistoryDir);
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const step = async <T>(name: BuildStep, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    options.onStep?.(name, performance.now() - started);
    return result;
  };
  try {
    // Checked first, so a content mistake is reported as itself rather than inside Eleventy's trace.
    const site = await step("content", () => {
      const site = loadSite(contentDir);
      loadPolicyOnce(contentDir);
      loadHistoryOnce(contentDir, historyDir);
      return site;
    });
    await step("eleventy", () => runEleventy(staging, contentDir, options.quiet ?? true, historyDir).finally(forgetPolicy));
    releaseMemory();
    const { pages } = await step("search-index", () => buildSearchIndex(staging));
    await step("checks", async () => {
      await checkBuiltSite(staging, site);
      for (const check of options.checks ?? []) await check(staging);
    });
    await step("swap", () => replaceDir(staging, outDir));
    return { outDir, searchPages: pages };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Eleventy's garbage (~500 MB at 10,000 sections) would otherwise stay resident while Pagefind's
 * own process peaks. The first collection frees it, the second gives the emptied heap back to the
 * system. Needs node --expose-gc, which npm run build passes; elsewhere it does nothing.
 */
function releaseMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** Swaps a finished folder into place; the old one is removed only after the new one is there. */
function replaceDir(from: string, to: string): void {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}
