import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { SiteChecker } from "./checks/post-build-checks.ts";
import { forgetPolicy, loadHistoryOnce, loadPolicyOnce } from "./policy-cache.ts";
import { releaseMemory } from "./release-memory.ts";
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
  /** Also run html-validate on every page (slow at scale; the deploy workflow and the tests do). */
  validateHtml?: boolean;
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
export async function runEleventy(
  siteDir: string,
  contentDir: string,
  quiet = true,
  historyDir = defaultHistoryDir,
): Promise<void> {
  const previous = {
    POLICY_CONTENT_DIR: process.env.POLICY_CONTENT_DIR,
    POLICY_HISTORY_DIR: process.env.POLICY_HISTORY_DIR,
  };
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
 * Builds the whole site into a staging folder beside `outDir`, checks it (links and anchors, ids,
 * nothing inline, and valid HTML when asked: src/checks/), then swaps it in. A failure at any
 * step (content, Eleventy, Pagefind, checks) leaves the previous `outDir` exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const contentDir = path.resolve(options.contentDir ?? path.join(projectRoot, "content"));
  const historyDir = path.resolve(options.historyDir ?? defaultHistoryDir);
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const step = async <T>(name: BuildStep, run: () => T | Promise<T>, alreadyMs = 0): Promise<T> => {
    const started = performance.now();
    const result = await run();
    options.onStep?.(name, alreadyMs + performance.now() - started);
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
    await step("eleventy", () =>
      runEleventy(staging, contentDir, options.quiet ?? true, historyDir).finally(forgetPolicy),
    );
    releaseMemory();
    // The checks read each page while Pagefind's process indexes it, so the site is read once and
    // the two run side by side; the time spent checking is reported as its own step.
    const checker = new SiteChecker(site, { validateHtml: options.validateHtml });
    let checkingMs = 0;
    const visit = async (file: string, html: string): Promise<void> => {
      const started = performance.now();
      await checker.addPage(file, html);
      checkingMs += performance.now() - started;
    };
    const indexStarted = performance.now();
    const { pages } = await buildSearchIndex(staging, { visit, language: site.lang });
    options.onStep?.("search-index", performance.now() - indexStarted - checkingMs);
    await step(
      "checks",
      async () => {
        checker.finish(staging);
        for (const check of options.checks ?? []) await check(staging);
      },
      checkingMs,
    );
    await step("swap", () => replaceDir(staging, outDir));
    return { outDir, searchPages: pages };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Swaps a finished folder into place; the old one is removed only after the new one is there. */
function replaceDir(from: string, to: string): void {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}
