/**
 * Vitest globalSetup, once per run before any worker starts:
 * - unpacks the bundled Chromium when there is no system one, so workers do not each unpack
 *   their own ~200 MB copy in parallel;
 * - builds the real site once into a temp folder for the browser suite (`inject("siteDir")`).
 */

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { prepareBundledChromium, resolveChromiumPath } from "../../src/tools/chromium.ts";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/**
 * `npm run build -- --release` (as the deploy workflow runs it) into siteDir, in a child
 * process: this one runs without tsx, which .eleventy.ts needs.
 */
async function buildRealSite(siteDir: string): Promise<void> {
  await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/build.ts", "--release"], {
    cwd: projectRoot,
    env: { ...process.env, OUTPUT_DIR: siteDir },
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The real site, built once per run; browser tests serve it, never dist/. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(tmpdir(), "policy-browser-site-"));
  const siteDir = path.join(root, "site");
  await Promise.all([
    resolveChromiumPath(process.env, existsSync).source === "bundled" ? prepareBundledChromium() : undefined,
    buildRealSite(siteDir),
  ]);
  project.provide("siteDir", siteDir);
  return () => rmSync(root, { recursive: true, force: true });
}
