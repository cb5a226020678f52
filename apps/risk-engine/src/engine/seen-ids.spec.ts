import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeenIds } from './seen-ids';

const HOUR = 3_600_000;

describe('SeenIds', () => {
  it('remembers ids up to its capacity, forgetting the oldest first', () => {
    const seen = new SeenIds(2, 24 * HOUR);
    seen.add('a', 1);
    seen.add('b', 2);
    seen.add('c', 3);
    assert.equal(seen.has('a'), false);
    assert.deepEqual(seen.toArray(), [
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('forgets ids of events older than the window before the latest', () => {
    const seen = new SeenIds(100, 24 * HOUR);
    seen.add('old', 0);
    seen.add('recent', 10 * HOUR);
    assert.equal(seen.has('old'), true);
    seen.add('new', 25 * HOUR);
    assert.equal(seen.has('old'), false);
    assert.equal(seen.has('recent'), true);
  });

  it('comes back the same from its array', () => {
    const seen = new SeenIds(10, HOUR, [
      ['x', 5],
      ['y', 6],
    ]);
    assert.deepEqual(new SeenIds(10, HOUR, seen.toArray()).toArray(), seen.toArray());
  });
});
