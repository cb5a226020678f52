/**
 * Serialises `stack up` across processes (a test run and `npm start` at the same moment):
 * without it both could start a JVM and the loser's pid would overwrite the winner's.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const HALF_WRITTEN_STALE_MS = 10_000;

async function olderThan(file: string, ms: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info === undefined || Date.now() - info.mtimeMs > ms;
}

async function tryAcquire(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Runs `work` while holding `lockFile`; waits up to `timeoutMs` for another holder. */
export async function withStackLock<T>(
  lockFile: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!(await tryAcquire(lockFile))) {
    const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
    const unreadable = !Number.isInteger(owner) || owner <= 0;
    // A lock left by a process that died is taken over. An empty one is usually being written
    // right now (open and write are two steps), so it is taken over only once it is stale.
    if (unreadable ? await olderThan(lockFile, HALF_WRITTEN_STALE_MS) : !ownerAlive(owner)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `another \`stack up\`${unreadable ? '' : ` (pid ${owner})`} holds ${lockFile}; waited ${Math.round(timeoutMs / 1000)} s`,
      );
    }
    await sleep(250);
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}
