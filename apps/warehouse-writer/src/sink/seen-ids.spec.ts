import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RowIdentity, SeenIds } from './seen-ids';

const MINUTE = 60_000;
const WINDOW = 60 * MINUTE;
const T0 = Date.UTC(2025, 2, 14, 9);

function row(id: string, timeMs = T0, tenant = 'uni-a'): RowIdentity {
  return { key: `${tenant}\u0000${id}`, timeMs };
}

function restored(rows: RowIdentity[] = [], maxIds = 1000): SeenIds {
  const seen = new SeenIds(WINDOW, maxIds);
  seen.restore(rows, T0 - WINDOW, false);
  return seen;
}

describe('SeenIds', () => {
  it('keeps new rows and drops copies of stored ones and repeats within the batch', () => {
    const seen = restored([row('a')]);
    assert.deepEqual(seen.keep([row('a'), row('b'), row('b', T0 + MINUTE), row('c')]), [
      false,
      true,
      false,
      true,
    ]);
  });

  it('tells tenants apart: the same id of another tenant is a different event', () => {
    const seen = restored([row('a', T0, 'uni-a')]);
    assert.deepEqual(seen.keep([row('a', T0, 'uni-b')]), [true]);
  });

  it('counts a copy only within the window of the stored time', () => {
    const seen = restored([row('a')]);
    assert.deepEqual(seen.keep([row('a', T0 + WINDOW)]), [false]);
    assert.deepEqual(seen.keep([row('a', T0 + WINDOW + 1)]), [true]);
    assert.deepEqual(seen.keep([row('a', T0 - WINDOW - 1)]), [true]);
  });

  it('compares with stored copies looked up for the part it does not cover', () => {
    const seen = restored();
    const lookedUp = new Map([[row('old').key, [T0 - 5 * WINDOW]]]);
    assert.deepEqual(seen.keep([row('old', T0 - 5 * WINDOW), row('new')], lookedUp), [false, true]);
  });

  it('remembers recorded rows for later batches', () => {
    const seen = restored();
    assert.deepEqual(seen.keep([row('a')]), [true]);
    seen.record([row('a')]);
    assert.deepEqual(seen.keep([row('a', T0 + 1000)]), [false]);
    assert.equal(seen.size, 1);
  });

  it('covers from the restore horizon, or after the oldest restored row when the restore was cut', () => {
    const seen = new SeenIds(WINDOW, 1000);
    assert.equal(seen.restored, false);
    assert.deepEqual(seen.uncovered(T0), { fromMs: T0, untilMs: null });
    seen.restore([row('a', T0 + 10), row('b', T0 + 20)], T0, true);
    assert.equal(seen.restored, true);
    assert.equal(seen.uncovered(T0 + 11), null);
    assert.deepEqual(seen.uncovered(T0), { fromMs: T0, untilMs: T0 + 11 });
    assert.equal(restored().uncovered(T0 - WINDOW), null);
  });

  it('forgets rows far older than a new batch and then looks them up instead', () => {
    const seen = restored([row('old', T0)]);
    seen.record([row('late', T0 + 3 * WINDOW)]);
    assert.equal(seen.size, 1, 'the old id is dropped from memory');
    const horizon = seen.horizon(T0);
    assert.deepEqual(seen.uncovered(horizon), { fromMs: horizon, untilMs: T0 + WINDOW });
    assert.equal(seen.uncovered(seen.horizon(T0 + 3 * WINDOW)), null);
  });

  it('keeps at most maxIds and narrows what it covers to what it still holds', () => {
    const seen = restored([], 10);
    const rows = Array.from({ length: 12 }, (_, k) => row(`id-${k}`, T0 + k));
    seen.record(rows);
    assert.equal(seen.size, 9);
    // id-0..id-2 were dropped: a batch that reaches back to them must look them up.
    assert.deepEqual(seen.uncovered(T0 - WINDOW), { fromMs: T0 - WINDOW, untilMs: T0 + 3 });
    assert.deepEqual(seen.keep([row('id-5', T0 + 5), row('id-0', T0)]), [false, true]);
  });
});
