import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SiteChecker } from "../checks/post-build-checks.ts";
import { headerRules, renderHeadersFile } from "../deploy/security-headers.ts";
import type { ContentNotice } from "../lib/notices.ts";
import { releaseMemory } from "../lib/release-memory.ts";
import { publicUrl } from "../lib/urls.ts";
import type { BuildOptions } from "../options.ts";
import { projectRoot } from "../options.ts";
import { loadPdfStep, type RenderPdfs } from "../pdf/load-pdf-step.ts";
import { planPdfs } from "../pdf/pdf-plan.ts";
import { indexExtras } from "../search/indexed-copy.ts";
import { buildSearchIndex } from "../search/search-index.ts";
import {
  type Asset,
  collectAssets,
  withoutUnusedScripts,
  withoutUnusedStyles,
  writeAssets,
} from "../templates/assets.ts";
import { brandAssets } from "../templates/brand-assets.ts";
import { writeDataFiles } from "../templates/data-files.ts";
import { type PolicyData, templateData } from "../templates/template-data.ts";
import type { BuildReuse } from "./build-reuse.ts";
import { loadPolicyData } from "./load-policy.ts";
import { runEleventy } from "./run-eleventy.ts";

export interface BuildHooks {
  /** Extra steps run on the staged site after the post-build checks, before it replaces `outDir`; a throw fails the build. */
  checks?: Array<(siteDir: string) => void | Promise<void>>;
  /** Eleventy's own log lines ("Wrote 36 files"); off unless asked for. */
  verbose?: boolean;
  /** Told how long each step took; the benchmark listens. */
  onStep?: (step: BuildStep, ms: number) => void;
  /** Work kept from the last build in this process, for the next (`npm start`: ./build-reuse.ts). */
  reuse?: BuildReuse;
}

export type BuildStep = "content" | "eleventy" | "pdf" | "search-index" | "checks" | "swap";

export interface BuildResult {
  outDir: string;
  /** Pages in the search index. */
  searchPages: number;
  /** Drafts skipped and what a release build would refuse (src/lib/notices.ts), for the command to print. */
  notices: ContentNotice[];
}

/**
 * The whole build, one stage after another: content read and checked → policy and history
 * rendered → templates (Eleventy) → search index, with the post-build checks reading each page
 * beside it → swap. Everything is written to a staging folder beside `outDir`, which replaces
 * `outDir` only when every step succeeded; a failure anywhere leaves the previous site as it was.
 */
export async function buildSite(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const staging = `${outDir}.staging-${process.pid}`;
  const step = async <T>(name: BuildStep, run: () => T | Promise<T>, alreadyMs = 0): Promise<T> => {
    const started = performance.now();
    const result = await run();
    hooks.onStep?.(name, alreadyMs + performance.now() - started);
    return result;
  };
  // Before anything is built, so an install without the printing packages stops at once.
  const renderPdfs = options.pdf ? await loadPdfStep() : undefined;
  await hooks.reuse?.removed();
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    // Checked first, so a content mistake is reported as itself rather than inside Eleventy's trace.
    const { notices, ...data } = await step("content", () => loadPolicyData(options));
    const { site } = data;
    const assets = await step("eleventy", async () => {
      const richText = data.history.versions.some((version) => version.policy.richText);
      const assetsDir = path.join(projectRoot, "assets");
      const extra = brandAssets(site.checkedBrand);
      const collected = hooks.reuse
        ? await hooks.reuse.assets(assetsDir, site.pathPrefix, extra)
        : await collectAssets(assetsDir, site.pathPrefix, extra);
      const assets = withoutUnusedScripts(withoutUnusedStyles(collected, richText), data.history.versions.length > 1);
      await runEleventy(staging, templateData(data, assets), { quiet: !hooks.verbose });
      writeAssets(assets, staging);
      writeDataFiles(site, data.history.versions, staging);
      // Response headers for Netlify and Cloudflare Pages, from the one list of rules.
      writeFileSync(path.join(staging, "_headers"), renderHeadersFile(headerRules(site.pathPrefix)));
      return assets;
    });
    if (renderPdfs) await step("pdf", () => addPdfs(renderPdfs, staging, data, assets, options, !hooks.verbose));
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
    const extras = indexExtras(data.policy, data.history.archived);
    const keepService = hooks.reuse !== undefined;
    const { pages } = await buildSearchIndex(staging, { visit, language: site.lang, extras, keepService });
    hooks.onStep?.("search-index", performance.now() - indexStarted - checkingMs);
    await step(
      "checks",
      async () => {
        checker.finish(staging);
        for (const check of hooks.checks ?? []) await check(staging);
      },
      checkingMs,
    );
    await step("swap", () => replaceDir(staging, outDir, hooks.reuse));
    return { outDir, searchPages: pages, notices };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Prints the staged pages to PDF, then renders the pages again with a link to each PDF ("Download
 * PDF (2 pages, 48 KB)"), which can only be written once the PDF exists. The link is not printed,
 * so each PDF shows its page exactly as the second rendering prints.
 */
async function addPdfs(
  renderPdfs: RenderPdfs,
  staging: string,
  data: PolicyData,
  assets: Record<string, Asset>,
  options: BuildOptions,
  quiet: boolean,
): Promise<void> {
  const { site, policy, history } = data;
  const dates = new Map(history.versions.map((v) => [v.url, v.effectiveDate]));
  const links = await renderPdfs({
    siteDir: staging,
    publicBase: publicUrl(site, "/"),
    paper: options.pdfPaper ?? "A4",
    author: site.organisation,
    dateOf: (sitePath) => dates.get(sitePath) ?? history.current.effectiveDate,
    jobs: planPdfs({ policyName: site.policyName, sections: policy.sections, versions: history.versions }),
  });
  await runEleventy(staging, templateData(data, assets, links), { quiet });
}

/**
 * Swaps a finished folder into place; the old one is removed only after the new one is there, and
 * by `npm start` after the build has finished (./build-reuse.ts).
 */
function replaceDir(from: string, to: string, reuse?: BuildReuse): void {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  if (reuse) reuse.removeLater(old);
  else rmSync(old, { recursive: true, force: true });
}
