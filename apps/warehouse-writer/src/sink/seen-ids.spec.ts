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
  seen.restore(rows, false);
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

  it('covers every time after a full restore, or from after the oldest restored row when it was cut', () => {
    const seen = new SeenIds(WINDOW, 1000);
    assert.equal(seen.restored, false);
    assert.deepEqual(seen.uncovered(T0), { fromMs: T0, untilMs: null });
    seen.restore([row('a', T0 + 10), row('b', T0 + 20)], true);
    assert.equal(seen.restored, true);
    assert.equal(seen.uncovered(T0 + 11), null);
    assert.deepEqual(seen.uncovered(T0), { fromMs: T0, untilMs: T0 + 11 });
    assert.equal(restored().uncovered(T0 - 100 * WINDOW), null);
  });

  it('keeps the newest ids by time when it outgrows maxIds, and covers only from the oldest kept', () => {
    const seen = restored([], 10);
    // Inserted out of time order: eviction goes by time, not by arrival.
    const rows = Array.from({ length: 12 }, (_, k) => row(`id-${k}`, T0 + ((k * 5) % 12)));
    seen.record(rows);
    assert.equal(seen.size, 9);
    const kept = rows.filter((r) => seen.keep([r])[0] === false).map((r) => r.timeMs - T0);
    assert.deepEqual(
      kept.sort((a, b) => a - b),
      [3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
    assert.deepEqual(seen.uncovered(T0 - WINDOW), { fromMs: T0 - WINDOW, untilMs: T0 + 3 });
  });

  it('stays bounded when many ids share one time', () => {
    const seen = restored([], 10);
    seen.record(Array.from({ length: 12 }, (_, k) => row(`id-${k}`, T0)));
    assert.equal(seen.size, 0);
    assert.deepEqual(seen.uncovered(T0), { fromMs: T0, untilMs: T0 + 1 });
  });
});
