import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LookupBatcher } from './lookup-batcher';

describe('LookupBatcher', () => {
  it('runs one query per key for the look-ups of one tick, with every id', async () => {
    const calls: [string, string[]][] = [];
    const batcher = new LookupBatcher<string, string[]>((key, ids) => {
      calls.push([key, [...ids]]);
      return Promise.resolve([...ids]);
    });
    const [a, b, c] = await Promise.all([
      batcher.load('t1', ['x', 'y']),
      batcher.load('t1', ['y', 'z']),
      batcher.load('t2', ['w']),
    ]);
    assert.deepEqual(calls, [
      ['t1', ['x', 'y', 'z']],
      ['t2', ['w']],
    ]);
    assert.deepEqual(a, ['x', 'y', 'z']);
    assert.deepEqual(b, ['x', 'y', 'z']);
    assert.deepEqual(c, ['w']);
  });

  it('starts a new query for look-ups after the flush', async () => {
    let calls = 0;
    const batcher = new LookupBatcher<string, number>(() => Promise.resolve(++calls));
    assert.equal(await batcher.load('t', ['a']), 1);
    assert.equal(await batcher.load('t', ['a']), 2);
  });

  it('passes a failed query to every waiter of it', async () => {
    const batcher = new LookupBatcher<string, number>(() => Promise.reject(new Error('down')));
    const results = await Promise.allSettled([batcher.load('t', ['a']), batcher.load('t', ['b'])]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
  });
});
