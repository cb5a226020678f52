/**
 * Serialises `stack up` across processes (a test run and `npm start` at the same moment):
 * without it both could start a JVM and the loser's pid would overwrite the winner's.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
    // A lock left by a process that died (or a half-written one) is taken over.
    if (!Number.isInteger(owner) || owner <= 0 || !ownerAlive(owner)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `another \`stack up\` (pid ${owner}) holds ${lockFile}; waited ${Math.round(timeoutMs / 1000)} s`,
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
