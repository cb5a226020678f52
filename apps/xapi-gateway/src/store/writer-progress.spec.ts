import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caughtUpPartitions, consistentThroughOf, STORED_TO_LOG_MAX_MS } from './writer-progress';

describe('writer progress', () => {
  it('counts a partition caught up when its commit reached the end read before it', () => {
    const ends = [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '0', high: '5' },
      { partition: 2, low: '0', high: '0' },
      { partition: 3, low: '7', high: '7' },
    ];
    const commits = [
      { partition: 0, offset: '10' },
      { partition: 1, offset: '4' },
      { partition: 2, offset: '-1' },
      { partition: 3, offset: '-1' },
    ];
    assert.deepEqual([...caughtUpPartitions(ends, commits)].sort(), [0, 2, 3]);
  });

  it('answers the oldest caught-up time minus the stamping slack, the epoch when unknown', () => {
    const seen = new Map([
      [0, 50_000],
      [1, 40_000],
    ]);
    assert.equal(consistentThroughOf([0, 1], seen), 40_000 - STORED_TO_LOG_MAX_MS);
    assert.equal(consistentThroughOf([0, 1, 2], seen), 0);
    assert.equal(consistentThroughOf([], seen), 0);
  });
});
