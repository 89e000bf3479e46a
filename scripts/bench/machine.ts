import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** One-minute load average when the benchmark started and ended: other work on the machine skews wall times. */
  loadAtStart: number;
  loadAtEnd?: number;
  /** Time to create PROBE_FOLDERS folders with one 7 KB file each in the work folder (probeDisk). */
  diskMs?: number;
}

export const PROBE_FOLDERS = 1_000;

/**
 * How fast the disk under the work folder creates what a build writes: a folder and one 7 KB page
 * per section. Builds write every page, so a slow or busy disk shows in their wall times.
 */
export function probeDisk(workDir: string): number {
  const dir = path.join(workDir, "disk-probe");
  const page = "x".repeat(7 * 1024);
  const started = performance.now();
  for (let i = 0; i < PROBE_FOLDERS; i++) {
    mkdirSync(path.join(dir, String(i)), { recursive: true });
    writeFileSync(path.join(dir, String(i), "index.html"), page);
  }
  const ms = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

export function describeMachine(now = new Date()): Machine {
  return {
    date: `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: os.loadavg()[0],
  };
}

export const currentLoad = (): number => os.loadavg()[0];
