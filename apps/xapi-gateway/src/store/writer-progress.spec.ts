import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Kafka } from 'kafkajs';
import {
  caughtUpPartitions,
  consistentThroughOf,
  STORED_TO_LOG_MAX_MS,
  WriterProgress,
} from './writer-progress';

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

/** A Kafka whose admin answers with the offsets the test sets; `calls` counts the observations. */
function fakeKafka(state: { high: string; committed: string; calls: number; fail?: boolean }) {
  const admin = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    fetchTopicOffsets: () => {
      state.calls += 1;
      if (state.fail === true) return Promise.reject(new Error('Kafka is down'));
      return Promise.resolve([{ partition: 0, low: '0', high: state.high }]);
    },
    fetchOffsets: () =>
      Promise.resolve([{ topic: 't', partitions: [{ partition: 0, offset: state.committed }] }]),
  };
  return { admin: () => admin } as unknown as Kafka;
}

describe('WriterProgress', () => {
  it('serves the last observation while a new one is made, and publishes after beforePublish', async () => {
    let clock = 10_000;
    const state = { high: '5', committed: '5', calls: 0 };
    const prepared: number[] = [];
    let release: (() => void) | undefined;
    const progress = new WriterProgress({
      kafka: fakeKafka(state),
      topic: 't',
      group: 'g',
      now: () => clock,
      beforePublish: (through) => {
        prepared.push(through);
        // The second observation's preparation is held until the test lets it go.
        return prepared.length === 2
          ? new Promise<void>((resolve) => {
              release = resolve;
            })
          : Promise.resolve();
      },
    });
    // The first answer waits for Kafka.
    assert.equal(await progress.consistentThrough(), 10_000 - STORED_TO_LOG_MAX_MS);
    clock += 500;
    // Stale: the previous time comes back at once; the new one is not published before it is prepared.
    assert.equal(await progress.consistentThrough(), 10_000 - STORED_TO_LOG_MAX_MS);
    assert.equal(await progress.consistentThrough(), 10_000 - STORED_TO_LOG_MAX_MS);
    assert.equal(state.calls, 2, 'one observation in flight at a time');
    assert.deepEqual(prepared, [9_000, 9_500]);
    release?.();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await progress.consistentThrough(), 10_500 - STORED_TO_LOG_MAX_MS);
    await progress.close();
  });

  it('tells beforePublish when nothing was appended since a preparation that saw the store complete', async () => {
    let clock = 10_000;
    const state = { high: '5', committed: '5', calls: 0 };
    const unchanged: boolean[] = [];
    let failNext = false;
    const progress = new WriterProgress({
      kafka: fakeKafka(state),
      topic: 't',
      group: 'g',
      now: () => clock,
      beforePublish: (_through, storeUnchanged) => {
        unchanged.push(storeUnchanged);
        if (!failNext) return Promise.resolve();
        failNext = false;
        return Promise.reject(new Error('ClickHouse is down'));
      },
    });
    const observe = async (): Promise<void> => {
      clock += 60_000; // past the served age: each call waits for its own observation
      await progress.consistentThrough().catch(() => undefined);
    };
    await observe(); // complete, but nothing before it
    await observe(); // same ends, complete again
    state.high = '6'; // appended, the writer behind
    await observe();
    state.committed = '6'; // caught up, but the last preparation did not see it complete
    await observe();
    await observe();
    failNext = true; // a failed preparation is not one to rely on
    await observe();
    await observe();
    await observe();
    assert.deepEqual(unchanged, [false, true, false, false, true, true, false, true]);
    await progress.close();
  });

  it('waits for a new observation after a quiet spell, and keeps the old time when Kafka fails', async () => {
    let clock = 10_000;
    const state = { high: '5', committed: '5', calls: 0, fail: false };
    const progress = new WriterProgress({
      kafka: fakeKafka(state),
      topic: 't',
      group: 'g',
      now: () => clock,
    });
    await progress.consistentThrough();
    clock += 60_000;
    assert.equal(await progress.consistentThrough(), 70_000 - STORED_TO_LOG_MAX_MS);
    state.fail = true;
    clock += 60_000;
    assert.equal(await progress.consistentThrough(), 70_000 - STORED_TO_LOG_MAX_MS);
    await progress.close();
  });

  it('has no answer before Kafka ever answered', async () => {
    const state = { high: '5', committed: '5', calls: 0, fail: true };
    const progress = new WriterProgress({ kafka: fakeKafka(state), topic: 't', group: 'g' });
    await assert.rejects(progress.consistentThrough(), /Kafka is down/);
    await progress.close();
  });
});
