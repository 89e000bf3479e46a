// One cold build for the benchmark, in its own process so its CPU time and memory can be measured
// alone: `build-child.ts <contentDir> <outDir> <resultFile> [historyDir]`. Writes a BuildChildResult
// as JSON.
import { writeFileSync } from "node:fs";
import { readSiteOptions } from "../../src/options.ts";
import { type BuildStep, buildSite } from "../../src/pipeline/build-site.ts";
import { commandName, processTree, treeCpuMs } from "./process-tree.ts";

export interface BuildChildResult {
  /** From process start to this script running: Node, the launcher and loading the build's modules. */
  startupMs: number;
  steps: Partial<Record<BuildStep, number>>;
  /** CPU time of this process and its children (Pagefind), user + system. */
  cpuMs: number;
  searchPages: number;
}

const startupMs = performance.now();
const [contentDir, outDir, resultFile, historyDir] = process.argv.slice(2);
const steps: BuildChildResult["steps"] = {};
const site = readSiteOptions(process.env);
const options = { ...site, contentDir, historyDir: historyDir ?? site.historyDir, outDir, validateHtml: false };
const { searchPages } = await buildSite(options, {
  onStep: (step, ms) => {
    steps[step] = ms;
  },
});

// Pagefind's process is killed when indexing ends; wait until it has been reaped, so its CPU time
// is in ours rather than lost between the two. (esbuild's service, for the minifier, lives as long
// as this process and is counted live.)
const pagefindRunning = (): boolean => processTree(process.pid).some((pid) => commandName(pid).startsWith("pagefind"));
for (let wait = 0; pagefindRunning() && wait < 100; wait++) {
  await new Promise((done) => setTimeout(done, 20));
}
const result: BuildChildResult = { startupMs, steps, cpuMs: treeCpuMs(), searchPages };
writeFileSync(resultFile, JSON.stringify(result));
