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
 * `npm run build` into siteDir: the real site with `--release`, as the deploy workflow builds it;
 * other content (`env`) with `--validate-html`, since a fixture has no version lock to release against.
 */
async function buildRealSite(siteDir: string, env: Record<string, string> = {}): Promise<void> {
  const flag = Object.keys(env).length === 0 ? "--release" : "--validate-html";
  await promisify(execFile)("npm", ["run", "--silent", "build", "--", flag], {
    cwd: projectRoot,
    env: { ...process.env, ...env, OUTPUT_DIR: siteDir },
  });
}

/** The policy that uses every construct the site supports (tests/fixtures/kitchen-sink). */
const kitchenSink = {
  POLICY_CONTENT_DIR: path.join(projectRoot, "tests", "fixtures", "kitchen-sink", "content"),
  POLICY_HISTORY_DIR: path.join(projectRoot, "tests", "fixtures", "kitchen-sink", "history"),
};

declare module "vitest" {
  export interface ProvidedContext {
    /** The real site, built once per run; browser tests serve it, never dist/. */
    siteDir: string;
    /** The kitchen-sink fixture (every construct, a brand, a history), built the same way. */
    kitchenSinkDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(tmpdir(), "policy-browser-site-"));
  const siteDir = path.join(root, "site");
  const kitchenSinkDir = path.join(root, "kitchen-sink");
  await Promise.all([
    resolveChromiumPath(process.env, existsSync).source === "bundled" ? prepareBundledChromium() : undefined,
    buildRealSite(siteDir),
    buildRealSite(kitchenSinkDir, kitchenSink),
  ]);
  project.provide("siteDir", siteDir);
  project.provide("kitchenSinkDir", kitchenSinkDir);
  return () => rmSync(root, { recursive: true, force: true });
}
