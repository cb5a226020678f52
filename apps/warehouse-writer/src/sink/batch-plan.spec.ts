import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchToken, planBatch } from './batch-plan';

const at = (...offsets: number[]): { offset: number }[] => offsets.map((offset) => ({ offset }));
const range = (first: number, last: number): number[] =>
  Array.from({ length: last - first + 1 }, (_, k) => first + k);
const offsetsOf = (messages: { offset: number }[]): number[] => messages.map((m) => m.offset);

describe('planBatch', () => {
  it('cuts new records into batches of at most maxRows when nothing was written ahead', () => {
    const plan = planBatch(at(...range(0, 9)), null, 4);
    assert.equal(plan.skipThrough, null);
    assert.equal(plan.replay, null);
    assert.deepEqual(
      plan.fresh.map((b) => b.range),
      [
        { first: 0, last: 3 },
        { first: 4, last: 7 },
        { first: 8, last: 9 },
      ],
    );
  });

  it('treats records after the written-ahead range as new', () => {
    const plan = planBatch(at(...range(10, 14)), { first: 5, last: 9 }, 100);
    assert.equal(plan.replay, null);
    assert.deepEqual(
      plan.fresh.map((b) => b.range),
      [{ first: 10, last: 14 }],
    );
  });

  it('skips records before the range, replays exactly the range, then continues', () => {
    const plan = planBatch(at(...range(0, 30)), { first: 10, last: 19 }, 6);
    assert.equal(plan.skipThrough, 9);
    assert.equal(plan.incomplete, false);
    assert.deepEqual(plan.replay?.range, { first: 10, last: 19 });
    assert.deepEqual(offsetsOf(plan.replay.messages), range(10, 19));
    assert.deepEqual(
      plan.fresh.map((b) => b.range),
      [
        { first: 20, last: 25 },
        { first: 26, last: 30 },
      ],
    );
  });

  it('replays the range as one batch even when it is larger than maxRows now', () => {
    const plan = planBatch(at(...range(10, 19)), { first: 10, last: 19 }, 3);
    assert.equal(plan.skipThrough, null);
    assert.equal(plan.replay?.messages.length, 10);
    assert.deepEqual(plan.fresh, []);
  });

  it('writes nothing but the skip when the fetch ends inside the range', () => {
    const plan = planBatch(at(...range(5, 15)), { first: 10, last: 19 }, 100);
    assert.equal(plan.skipThrough, 9);
    assert.equal(plan.incomplete, true);
    assert.equal(plan.replay, null);
    assert.deepEqual(plan.fresh, []);
  });

  it('keeps gaps in offsets inside the replayed range as they are', () => {
    const plan = planBatch(at(8, 10, 12, 13, 19, 21), { first: 10, last: 19 }, 100);
    assert.deepEqual(offsetsOf(plan.replay?.messages ?? []), [10, 12, 13, 19]);
    assert.deepEqual(
      plan.fresh.map((b) => b.range),
      [{ first: 21, last: 21 }],
    );
  });

  it('reports a range whose first records are gone and writes the rest as new', () => {
    const plan = planBatch(at(...range(15, 25)), { first: 10, last: 19 }, 100);
    assert.deepEqual(plan.brokenRange, { first: 10, last: 19 });
    assert.equal(plan.replay, null);
    assert.deepEqual(
      plan.fresh.map((b) => b.range),
      [{ first: 15, last: 25 }],
    );
  });

  it('plans nothing for an empty fetch', () => {
    const plan = planBatch([], { first: 1, last: 2 }, 10);
    assert.deepEqual(plan, {
      skipThrough: null,
      replay: null,
      incomplete: false,
      fresh: [],
      brokenRange: null,
    });
  });
});

describe('batchToken', () => {
  it('names group, topic, partition and offset range', () => {
    assert.equal(
      batchToken('warehouse-writer', 'learning.events.v1', 2, { first: 100, last: 299 }),
      'warehouse-writer:learning.events.v1:2:100-299',
    );
  });
});
