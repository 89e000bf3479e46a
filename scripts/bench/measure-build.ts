import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { BuildStep } from "../../src/pipeline/build-site.ts";
import type { BuildChildResult } from "./build-child.ts";
import { type EleventyBenchmark, parseEleventyBenchmarks } from "./eleventy-benchmark.ts";
import { samplePeakRss } from "./process-tree.ts";

export interface OutputSize {
  files: number;
  bytes: number;
}

export interface BuildRun {
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  steps: Partial<Record<BuildStep | "startup", number>>;
  output: OutputSize;
  /** The Pagefind bundle: its index, fragments and UI code. */
  search: OutputSize;
  eleventy: EleventyBenchmark[];
}

/** Every file under a folder, counted and summed. */
export function outputSize(dir: string): OutputSize {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const childScript = path.join(import.meta.dirname, "build-child.ts");
const launcher = path.join(import.meta.dirname, "..", "launch.js");

/**
 * Builds `contentDir` (with the earlier versions in `historyDir`, if given) into `outDir` in a fresh
 * process, measuring wall time, CPU and peak memory of its process tree.
 */
export async function measureBuild(contentDir: string, outDir: string, historyDir?: string): Promise<BuildRun> {
  const resultFile = `${outDir}.result.json`;
  const started = performance.now();
  const args = [contentDir, outDir, resultFile, ...(historyDir ? [historyDir] : [])];
  // The same Node flags and launcher as package.json's build script.
  const child = spawn(process.execPath, ["--expose-gc", launcher, childScript, ...args], {
    env: { ...process.env, DEBUG: "Eleventy:Benchmark*" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const sampler = samplePeakRss(child.pid!);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done, fail) => child.once("error", fail).once("close", done));
  const wallMs = performance.now() - started;
  const peakRssBytes = sampler.stop();
  if (code !== 0) throw new Error(`the build of ${contentDir} failed (exit ${code}):\n${stderr.slice(-2000)}`);
  const result = JSON.parse(readFileSync(resultFile, "utf8")) as BuildChildResult;
  rmSync(resultFile, { force: true });
  return {
    wallMs,
    cpuMs: result.cpuMs,
    peakRssBytes,
    steps: { startup: result.startupMs, ...result.steps },
    output: outputSize(outDir),
    search: outputSize(path.join(outDir, "pagefind")),
    eleventy: parseEleventyBenchmarks(stderr),
  };
}
