/**
 * The managed broker as an operating-system process: storage formatting, a detached
 * start with its pid in a file, liveness, and a graceful stop.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCommand, tail } from './run-command';
import { type StackPaths } from './stack-paths';

const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC'];

function javaArgs(paths: StackPaths, mainClass: string, args: readonly string[]): string[] {
  return [
    ...JVM_OPTIONS,
    `-Dlog4j2.configurationFile=${paths.log4jProperties}`,
    '-cp',
    // Java expands this wildcard itself; it is passed without a shell.
    path.join(paths.libsDir, '*'),
    mainClass,
    ...args,
  ];
}

export async function readPid(paths: StackPaths): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(paths.pidFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function removePidFile(paths: StackPaths): Promise<void> {
  await rm(paths.pidFile, { force: true });
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` is a live Kafka broker. Where /proc exists the command line is checked too,
 * so a pid reused by another program after a reboot is not taken for the broker.
 */
export async function isKafkaProcess(pid: number): Promise<boolean> {
  if (!processExists(pid)) return false;
  if (!existsSync('/proc')) return true;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.split('\0').includes('kafka.Kafka');
  } catch {
    return false;
  }
}

/** The broker's pid when the pid file names a live broker; a stale pid file is removed. */
export async function runningBrokerPid(paths: StackPaths): Promise<number | undefined> {
  const pid = await readPid(paths);
  if (pid === undefined) return undefined;
  if (await isKafkaProcess(pid)) return pid;
  await removePidFile(paths);
  return undefined;
}

/** True when nothing listens on host:port (checked by binding it for a moment). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

/** True once something accepts TCP connections on host:port. */
export function acceptsConnections(
  host: string,
  port: number,
  timeoutMs = 1_000,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

/** A KRaft cluster id: 16 random bytes, base64url; never starting with '-' (read as an option). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

export function isStorageFormatted(paths: StackPaths): boolean {
  return existsSync(path.join(paths.dataDir, 'meta.properties'));
}

/** Formats the data folder as a standalone KRaft node; returns false when it already was. */
export async function formatStorage(paths: StackPaths): Promise<boolean> {
  if (isStorageFormatted(paths)) return false;
  const result = await runCommand(
    'java',
    javaArgs(paths, 'kafka.tools.StorageTool', [
      'format',
      '-t',
      newClusterId(),
      '-c',
      paths.serverProperties,
      '--standalone',
      '--ignore-formatted',
    ]),
    { cwd: paths.kafkaDir },
  );
  if (result.code !== 0) {
    throw new Error(
      `formatting the Kafka storage in ${paths.dataDir} failed (exit ${result.code}):\n` +
        tail(result.stdout + result.stderr),
    );
  }
  return true;
}

export interface StartedBroker {
  pid: number;
  /** False once the JVM has exited. */
  isAlive: () => boolean;
  exitCode: () => number | null;
}

/** Starts the broker detached from this process (it outlives `stack up`) and records its pid. */
export async function startBroker(paths: StackPaths): Promise<StartedBroker> {
  const consoleLog = await open(paths.kafkaConsoleLog, 'a');
  try {
    const child = spawn('java', javaArgs(paths, 'kafka.Kafka', [paths.serverProperties]), {
      cwd: paths.kafkaDir,
      detached: true,
      stdio: ['ignore', consoleLog.fd, consoleLog.fd],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => {
        if (child.pid === undefined) reject(new Error('java started without a pid'));
        else resolve(child.pid);
      });
    });
    let exitCode: number | null = null;
    let alive = true;
    child.once('exit', (code, signal) => {
      alive = false;
      exitCode = code ?? (signal === null ? null : 128);
    });
    child.unref();
    await writeFile(paths.pidFile, `${pid}\n`);
    return { pid, isAlive: () => alive, exitCode: () => exitCode };
  } finally {
    await consoleLog.close();
  }
}

/** SIGTERM (Kafka's controlled shutdown), then SIGKILL after `graceMs`. Returns how it ended. */
export async function stopProcess(
  pid: number,
  graceMs = 30_000,
): Promise<'stopped' | 'killed' | 'not-running'> {
  if (!processExists(pid)) return 'not-running';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(200);
    if (!processExists(pid)) return 'stopped';
  }
  process.kill(pid, 'SIGKILL');
  while (processExists(pid)) await sleep(100);
  return 'killed';
}

/** The end of the broker's logs, for a start-up failure message. */
export async function brokerLogTail(paths: StackPaths): Promise<string> {
  const parts: string[] = [];
  for (const file of [paths.kafkaConsoleLog, paths.kafkaLog]) {
    try {
      const text = await readFile(file, 'utf8');
      if (text.trim() !== '') parts.push(`--- ${file}\n${tail(text, 15)}`);
    } catch {
      // Not written yet.
    }
  }
  return parts.join('\n');
}
