/** Runs a command and lets the caller wait for a line of its output that matches a pattern. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WatchedProcess {
  child: ChildProcess;
  /** Every line it wrote so far, stdout and stderr. */
  lines: () => readonly string[];
  waitForLine: (pattern: RegExp, timeoutMs: number) => Promise<RegExpExecArray>;
  stop: () => Promise<void>;
}

export function runWatched(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): WatchedProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const seen: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      seen.push(line);
      for (const listener of listeners) listener(line);
    });
  }
  const waitForLine = (pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      for (const line of seen) {
        const match = pattern.exec(line);
        if (match !== null) {
          resolve(match);
          return;
        }
      }
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(
          new Error(
            `no line matching ${pattern} within ${timeoutMs} ms; last output:\n${seen.slice(-20).join('\n')}`,
          ),
        );
      }, timeoutMs);
      const listener = (line: string): void => {
        const match = pattern.exec(line);
        if (match === null) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(match);
      };
      listeners.add(listener);
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGINT');
    });
  return { child, lines: () => seen, waitForLine, stop };
}
