/**
 * Runs an external program (java, mvn) to completion and collects its output.
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Rejects only when the program cannot be started (ENOENT: not on PATH). */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    });
  });
}

/** The last lines of a program's output, for an error message. */
export function tail(text: string, lines = 20): string {
  // Maven prints ANSI colour codes even with -B on some versions.
  const clean = stripVTControlCharacters(text).trimEnd();
  return clean.split('\n').slice(-lines).join('\n');
}
