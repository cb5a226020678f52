import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withStackLock } from './stack-lock';

describe('withStackLock', () => {
  const dirs: string[] = [];
  const lockIn = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'learnpulse-lock-'));
    dirs.push(dir);
    return path.join(dir, 'stack-up.lock');
  };
  after(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('runs holders one after the other and releases the lock', async () => {
    const lock = await lockIn();
    const events: string[] = [];
    const hold = (name: string) =>
      withStackLock(lock, 5_000, async () => {
        events.push(`${name} in`);
        await sleep(50);
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    assert.deepEqual(events, ['a in', 'a out', 'b in', 'b out']);
    await assert.rejects(readFile(lock), { code: 'ENOENT' });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const lock = await lockIn();
    await writeFile(lock, '2147483646\n');
    assert.equal(await withStackLock(lock, 1_000, () => Promise.resolve('ran')), 'ran');
  });

  it('gives up after the timeout while a live process holds the lock', async () => {
    const lock = await lockIn();
    await writeFile(lock, `${process.pid}\n`);
    await assert.rejects(
      withStackLock(lock, 300, () => Promise.resolve()),
      /another `stack up`/,
    );
  });

  it('waits for a lock that is still being written instead of taking it over', async () => {
    const lock = await lockIn();
    await writeFile(lock, '');
    await assert.rejects(
      withStackLock(lock, 300, () => Promise.resolve()),
      /another `stack up`/,
    );
  });

  it('takes over an empty lock once it is stale', async () => {
    const lock = await lockIn();
    await writeFile(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    assert.equal(await withStackLock(lock, 1_000, () => Promise.resolve('ran')), 'ran');
  });
});
