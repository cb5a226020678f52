/**
 * What the load benchmarks share: printing, cleanup that also runs on errors and Ctrl-C,
 * starting services as a child process (`learnpulse serve`) and percentiles.
 */
import { freePort, tempDir } from '@learnpulse/testing';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { runWatched, type WatchedProcess } from './child-process-lines';
import { serviceWarningsReport } from './service-warnings';

export const workspaceRoot = path.resolve(__dirname, '../../../..');
export const cli = path.join(workspaceRoot, 'tools/cli/bin/learnpulse.js');

export const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Cleanup steps run last-in first-out, once, on success, error or SIGINT/SIGTERM. */
export class Cleanup {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  private done: Promise<void> | undefined;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }

  /** A temporary folder removed at the end. */
  tempDir(prefix: string): string {
    const dir = tempDir(prefix);
    this.add(`remove ${dir}`, () => {
      rmSync(dir, { recursive: true, force: true });
    });
    return dir;
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          process.stderr.write(`cleanup (${step.what}) failed: ${String(error)}\n`);
        }
      }
    })();
    return this.done;
  }
}

/** Runs `main` with a Cleanup, prints the error and exits 1 on failure. */
export function runBenchmark(main: (cleanup: Cleanup) => Promise<void>): void {
  const cleanup = new Cleanup();
  main(cleanup)
    .then(
      () => cleanup.run(),
      async (error: unknown) => {
        process.stderr.write(
          `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        await cleanup.run();
        process.exitCode = 1;
      },
    )
    .finally(() => {
      // Keep-alive agents and kafkajs timers must not hold the process open.
      setTimeout(() => process.exit(), 500).unref();
    });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms`);
}

export interface ServedApps {
  process: WatchedProcess;
  pid: number;
}

/**
 * `node [nodeArgs] learnpulse serve <apps>` as a child, stopped (SIGINT) at cleanup; resolves
 * once `readyUrl` answers 2xx.
 */
export async function serveApps(
  cleanup: Cleanup,
  apps: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  nodeArgs: string[] = [],
): Promise<ServedApps> {
  const served = runWatched(process.execPath, [...nodeArgs, cli, 'serve', ...apps], env);
  cleanup.add(`stop serve ${apps.join(' ')}`, async () => {
    await served.stop();
    for (const line of serviceWarningsReport(`serve ${apps.join(' ')}`, served.lines()))
      print(line);
  });
  const exited = new Promise<never>((_resolve, reject) => {
    served.child.once('exit', (code) => {
      reject(
        new Error(`serve ${apps.join(' ')} exited (code ${String(code)}) before it was ready`),
      );
    });
  });
  await Promise.race([waitForHttp(readyUrl), exited]);
  return { process: served, pid: served.child.pid ?? 0 };
}

/** Free ports for the services of one benchmark run. */
export async function servicePorts(): Promise<{ gateway: number; writer: number }> {
  const [gateway, writer] = await Promise.all([freePort(), freePort()]);
  return { gateway, writer };
}

/** Value at quantile q (0..1) of ascending `sorted` (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** The machine's 1-minute load average: other work on the 2 cores skews every figure. */
export function loadLine(): string {
  const [one = 0, five = 0] = loadavg();
  return `machine load average (1 min / 5 min): ${one.toFixed(1)} / ${five.toFixed(1)}`;
}
