import os from "node:os";

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
}

export function describeMachine(now = new Date()): Machine {
  return {
    date: now.toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: os.loadavg()[0],
  };
}

export const currentLoad = (): number => os.loadavg()[0];
