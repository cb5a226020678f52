/** Resident memory and CPU use of a process, read from /proc (Linux). */
import { readFileSync } from 'node:fs';

/** Resident memory in MiB. */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match?.[1] === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) / 1024;
}

/** CPU seconds (user + system) a process used so far, read from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface QuietOptions {
  /** Quiet means using at most this share of one core over a window. */
  maxCoreShare: number;
  windowMs: number;
  /** Gives up waiting (and goes on) after this long. */
  maxWaitMs: number;
}

/**
 * What the benchmarks call a service at rest (e.g. an embedded ClickHouse done merging a bulk
 * load): at most 15 % of one core over 5 s.
 */
export const AT_REST: Omit<QuietOptions, 'maxWaitMs'> = { maxCoreShare: 0.15, windowMs: 5_000 };

/**
 * Waits until the process has used at most `maxCoreShare` of a core over one window (e.g. an
 * embedded ClickHouse done merging a bulk load), or `maxWaitMs` passed. Resolves to the time
 * waited and whether it got quiet.
 */
export async function waitUntilQuiet(
  pid: number,
  options: QuietOptions,
): Promise<{ waitedMs: number; quiet: boolean }> {
  const started = performance.now();
  for (;;) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const share = (cpuSeconds(pid) - before) / (options.windowMs / 1000);
    const waitedMs = performance.now() - started;
    if (share <= options.maxCoreShare) return { waitedMs, quiet: true };
    if (waitedMs >= options.maxWaitMs) return { waitedMs, quiet: false };
  }
}
