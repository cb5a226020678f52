/**
 * The sink's recovery paths, each crash point placed exactly, against a real embedded
 * ClickHouse and a real Kafka producer for dead letters. The fetched records are built here
 * (what kafkajs would hand over), so each scenario is deterministic.
 */
import {
  type ClickHouseClient,
  createClickHouseClient,
  runMigrations,
} from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { type LearningEvent } from '@learnpulse/events';
import { ReliableProducer, TOPICS } from '@learnpulse/kafka';
import { type KafkaMessage } from 'kafkajs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { Registry } from 'prom-client';
import { SINK_TOPICS } from '../src/rows/sink-topics';
import { BatchWriter, type PartitionBatch } from '../src/sink/batch-writer';
import { SinkMetrics } from '../src/sink/sink-metrics';
import { SinkOffsetsStore } from '../src/sink/sink-offsets.store';
import {
  encodeEvents,
  learningEvents,
  rollupMismatches,
  tableSnapshot,
  tempDataDir,
  tenantCounts,
  testKafka,
  uniqueName,
  writerEnv,
} from './sink-test-kit';

const PARTITION = 0;
const logger = pino({ level: 'silent' });

function fetched(tenant: string, count: number, firstOffset = 0): KafkaMessage[] {
  return fetchedEvents(learningEvents(tenant, count), firstOffset);
}

/** The events as the records kafkajs would hand over, from `firstOffset` on. */
function fetchedEvents(events: readonly LearningEvent[], firstOffset: number): KafkaMessage[] {
  return encodeEvents(events).map(({ key, value }, k) => ({
    key: Buffer.from(key),
    value,
    timestamp: String(Date.now()),
    attributes: 0,
    offset: String(firstOffset + k),
    headers: {},
  }));
}

interface Recorded {
  resolved: number[];
  commits: number[];
}

function partitionBatch(
  messages: KafkaMessage[],
  recorded: Recorded,
  options: { commit?: (next: number) => Promise<void>; shouldContinue?: () => boolean } = {},
): PartitionBatch {
  return {
    topic: TOPICS.learningEvents,
    partition: PARTITION,
    messages,
    resolveOffset: (offset) => recorded.resolved.push(Number(offset)),
    commit:
      options.commit ??
      ((next) => {
        recorded.commits.push(next);
        return Promise.resolve();
      }),
    heartbeat: () => Promise.resolve(),
    shouldContinue: options.shouldContinue ?? (() => true),
  };
}

describe('BatchWriter recovery', () => {
  const dataDir = tempDataDir();
  let env: Environment;
  let client: ClickHouseClient;
  let producer: ReliableProducer;

  before(async () => {
    env = (await writerEnv(dataDir)).env;
    client = createClickHouseClient(env);
    await runMigrations(client, env);
    producer = await ReliableProducer.connect(testKafka(env), logger);
  });

  after(async () => {
    await producer.close();
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A writer as a freshly started process has it: nothing cached. */
  function writer(group: string, metrics = new SinkMetrics(new Registry())): BatchWriter {
    return new BatchWriter({
      client,
      offsets: new SinkOffsetsStore(client, group),
      deadLetters: producer,
      metrics,
      logger,
      group,
      maxRows: 100,
      topics: SINK_TOPICS,
      dedupWindowMs: 24 * 60 * 60_000,
      dedupMaxIds: 100_000,
      retryDelayMs: 20,
    });
  }

  it('re-inserts a batch that was stored but not committed, and ClickHouse keeps one copy', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const messages = fetched(tenant, 300);
    const crashed: Recorded = { resolved: [], commits: [] };
    await assert.rejects(
      writer(group).write(
        partitionBatch(messages, crashed, { commit: () => Promise.reject(new Error('killed')) }),
      ),
      /killed/,
    );
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 100, distinct: 100, rollup: 100 });

    const restarted: Recorded = { resolved: [], commits: [] };
    const metrics = new SinkMetrics(new Registry());
    await writer(group, metrics).write(partitionBatch(messages, restarted));
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 300, distinct: 300, rollup: 300 });
    assert.deepEqual(restarted.commits, [100, 200, 300]);
    const batches = await metrics.batches.get();
    assert.deepEqual(
      batches.values.map((v) => [v.labels.batch, v.value]),
      [
        ['replay', 1],
        ['fresh', 2],
      ],
    );
  });

  it('inserts a batch that was written ahead but never inserted', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const messages = fetched(tenant, 150);
    // What the writer does first for a new batch; the process died right after it.
    await new SinkOffsetsStore(client, group).write(
      TOPICS.learningEvents,
      PARTITION,
      { first: 0, last: 99 },
      `${group}:${TOPICS.learningEvents}:${PARTITION}:0-99`,
    );
    const recorded: Recorded = { resolved: [], commits: [] };
    await writer(group).write(partitionBatch(messages, recorded));
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 150, distinct: 150, rollup: 150 });
    assert.deepEqual(recorded.commits, [100, 150]);
  });

  it('skips records stored before the last range when the commits were lost', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const messages = fetched(tenant, 300);
    const lost: Recorded = { resolved: [], commits: [] };
    await writer(group).write(partitionBatch(messages, lost, { commit: () => Promise.resolve() }));

    const restarted: Recorded = { resolved: [], commits: [] };
    await writer(group).write(partitionBatch(messages, restarted));
    assert.deepEqual(restarted.resolved, [199, 299]);
    assert.deepEqual(restarted.commits, [200, 300]);
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 300, distinct: 300, rollup: 300 });
  });

  it('writes nothing while a fetch ends inside the written-ahead range, then the whole range', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const messages = fetched(tenant, 160);
    const crashed: Recorded = { resolved: [], commits: [] };
    await assert.rejects(
      writer(group).write(
        partitionBatch(messages.slice(0, 100), crashed, {
          commit: () => Promise.reject(new Error('killed')),
        }),
      ),
    );

    const restarted = writer(group);
    const short: Recorded = { resolved: [], commits: [] };
    await restarted.write(partitionBatch(messages.slice(0, 60), short));
    assert.deepEqual(
      short,
      { resolved: [], commits: [] },
      'nothing resolved: kafkajs fetches again',
    );

    const full: Recorded = { resolved: [], commits: [] };
    await restarted.write(partitionBatch(messages, full));
    assert.deepEqual(full.commits, [100, 160]);
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 160, distinct: 160, rollup: 160 });
  });

  it('drops events re-sent as new records, in later batches, in the same batch and after a restart', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const events = learningEvents(tenant, 150);
    const metrics = new SinkMetrics(new Registry());
    const first = writer(group, metrics);
    const recorded: Recorded = { resolved: [], commits: [] };
    await first.write(partitionBatch(fetchedEvents(events.slice(0, 100), 0), recorded));
    // A client retry of 50 stored events and 50 new ones, 10 of which it sends twice.
    const resent = [...events.slice(50, 150), ...events.slice(140, 150)];
    await first.write(partitionBatch(fetchedEvents(resent, 100), recorded));
    assert.deepEqual(recorded.commits, [100, 200, 210]);
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 150, distinct: 150, rollup: 150 });
    assert.deepEqual(await rollupMismatches(client, tenant), []);
    const before = await tableSnapshot(client, tenant);
    const dropped = (await metrics.duplicates.get()).values[0]?.value;
    assert.equal(dropped, 60);

    // A fresh process knows only what ClickHouse holds: a re-run import of everything.
    await writer(group).write(partitionBatch(fetchedEvents(events, 210), recorded));
    assert.deepEqual(await tableSnapshot(client, tenant), before);
    assert.deepEqual(recorded.commits, [100, 200, 210, 310, 360]);
  });

  it('cuts a batch with copies the same way when it is replayed after a crash', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const events = learningEvents(tenant, 150);
    const recorded: Recorded = { resolved: [], commits: [] };
    await writer(group).write(partitionBatch(fetchedEvents(events.slice(0, 100), 0), recorded));
    const mixed = fetchedEvents([...events.slice(50, 100), ...events.slice(100, 150)], 100);
    // Stored, then the process died before the commit.
    await assert.rejects(
      writer(group).write(
        partitionBatch(mixed, recorded, { commit: () => Promise.reject(new Error('killed')) }),
      ),
      /killed/,
    );
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 150, distinct: 150, rollup: 150 });
    const before = await tableSnapshot(client, tenant);

    const metrics = new SinkMetrics(new Registry());
    const replayed: Recorded = { resolved: [], commits: [] };
    await writer(group, metrics).write(partitionBatch(mixed, replayed));
    assert.deepEqual(replayed.commits, [200]);
    assert.deepEqual(
      (await metrics.batches.get()).values.map((v) => [v.labels.batch, v.value]),
      [['replay', 1]],
    );
    assert.deepEqual(await tableSnapshot(client, tenant), before);
    assert.deepEqual(await rollupMismatches(client, tenant), []);
  });

  it('inserts the new rows of a batch with copies that was written ahead but never inserted', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const events = learningEvents(tenant, 150);
    const recorded: Recorded = { resolved: [], commits: [] };
    await writer(group).write(partitionBatch(fetchedEvents(events.slice(0, 100), 0), recorded));
    await new SinkOffsetsStore(client, group).write(
      TOPICS.learningEvents,
      PARTITION,
      { first: 100, last: 199 },
      `${group}:${TOPICS.learningEvents}:${PARTITION}:100-199`,
    );
    const mixed = fetchedEvents([...events.slice(0, 50), ...events.slice(100, 150)], 100);
    await writer(group).write(partitionBatch(mixed, recorded));
    assert.deepEqual(recorded.commits, [100, 200]);
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 150, distinct: 150, rollup: 150 });
    assert.deepEqual(await rollupMismatches(client, tenant), []);
  });

  it('retries the identical batch while ClickHouse refuses the insert, then stores it once', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const metrics = new SinkMetrics(new Registry());
    const recorded: Recorded = { resolved: [], commits: [] };
    // A rollup's table away fails the whole insert (its view cannot write), raw rows included.
    await client.command({
      query: 'RENAME TABLE course_daily_activity TO course_daily_activity_away',
    });
    let renamedBack = false;
    try {
      const writing = writer(group, metrics).write(partitionBatch(fetched(tenant, 80), recorded));
      for (;;) {
        const retries = await metrics.retries.get();
        if ((retries.values.find((v) => v.labels.step === 'insert')?.value ?? 0) >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(recorded.commits, [], 'nothing committed while the insert fails');
      await client.command({
        query: 'RENAME TABLE course_daily_activity_away TO course_daily_activity',
      });
      renamedBack = true;
      await writing;
    } finally {
      if (!renamedBack) {
        await client.command({
          query: 'RENAME TABLE course_daily_activity_away TO course_daily_activity',
        });
      }
    }
    assert.deepEqual(recorded.commits, [80]);
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 80, distinct: 80, rollup: 80 });
  });

  it('gives up without committing when the consumer stops during retries', async () => {
    const tenant = uniqueName('tenant');
    const group = uniqueName('group');
    const metrics = new SinkMetrics(new Registry());
    const recorded: Recorded = { resolved: [], commits: [] };
    let running = true;
    await client.command({ query: 'RENAME TABLE learning_events TO learning_events_away' });
    try {
      const writing = writer(group, metrics).write(
        partitionBatch(fetched(tenant, 10), recorded, { shouldContinue: () => running }),
      );
      while (((await metrics.retries.get()).values[0]?.value ?? 0) < 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      running = false;
      await writing;
    } finally {
      await client.command({ query: 'RENAME TABLE learning_events_away TO learning_events' });
    }
    assert.deepEqual(recorded, { resolved: [], commits: [] });
    assert.deepEqual(await tenantCounts(client, tenant), { raw: 0, distinct: 0, rollup: 0 });
  });
});
