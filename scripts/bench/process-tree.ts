import { readdirSync, readFileSync } from "node:fs";

/** Linux's USER_HZ: the unit of the CPU times in /proc/<pid>/stat, 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  /** CPU time of the process itself, user + system, in ms. */
  cpuMs: number;
  /** CPU time of its children that have exited and been waited for, in ms. */
  childrenCpuMs: number;
}

/** Parses /proc/<pid>/stat. The command name may hold spaces and parentheses, so fields count from the last ")". */
export function parseStat(text: string): ProcStat {
  const close = text.lastIndexOf(")");
  if (close < 0) throw new Error(`not a /proc stat line: ${text.slice(0, 40)}`);
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/)
    .map(Number);
  const ms = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;
  // fields[0] is the state (field 3 in proc(5)); utime, stime, cutime, cstime are fields 14–17.
  return {
    pid: Number.parseInt(text, 10),
    ppid: fields[1],
    cpuMs: ms(fields[11] + fields[12]),
    childrenCpuMs: ms(fields[13] + fields[14]),
  };
}

/** The resident set size from /proc/<pid>/status, in bytes; 0 for a process without memory (a zombie). */
export function parseVmRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

const readOr = (file: string, fallback: string): string => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback; // the process ended between listing and reading
  }
};

/** The process and all its descendants, found through /proc/<pid>/task/<tid>/children. */
export function processTree(rootPid: number): number[] {
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      queue.push(...readOr(`/proc/${pid}/task/${tid}/children`, "").split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return found;
}

/** The command name of a process ("node", "pagefind_extended"), or "" once it has gone. */
export const commandName = (pid: number): string => readOr(`/proc/${pid}/comm`, "").trim();

/** Resident memory of a whole process tree right now, in bytes (shared pages count once per process). */
export function treeRss(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + parseVmRss(readOr(`/proc/${pid}/status`, "")), 0);
}

/** True where /proc can be read, so the figures that need it can be reported as unavailable elsewhere. */
export const hasProcFs = (): boolean => readOr("/proc/self/stat", "") !== "";

/** Polls a process tree's resident memory until stopped; returns the highest sum seen. */
export function samplePeakRss(rootPid: number, intervalMs = 25): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, treeRss(rootPid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * CPU time of a process tree, user + system, in ms: each live process (tsx's esbuild service, say)
 * and every child any of them has already waited for (Pagefind's binary, once indexing ended).
 */
export function treeCpuMs(rootPid: number = process.pid): number {
  if (!hasProcFs()) {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
  return processTree(rootPid).reduce((sum, pid) => {
    const stat = readOr(`/proc/${pid}/stat`, "");
    if (stat === "") return sum;
    const parsed = parseStat(stat);
    return sum + parsed.cpuMs + parsed.childrenCpuMs;
  }, 0);
}
