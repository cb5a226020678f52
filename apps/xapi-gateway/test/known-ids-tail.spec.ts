/**
 * The known-ids tail worker against the test Kafka: it delivers the key hashes of every record
 * from the given offsets on, in order per partition, skips records without a key, follows new
 * records, and stops cleanly.
 */
import { createKafka } from '@learnpulse/kafka';
import { testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Kafka, type Producer } from 'kafkajs';
import pino from 'pino';
import { KnownIdsTail } from '../src/known-ids/known-ids-tail';
import { keyDigest } from '../src/known-ids/known-statement-ids';

interface Delivery {
  partition: number;
  nextOffset: bigint;
  digests: number[];
}

function digestsOf(keys: readonly string[]): number[] {
  return keys.flatMap((key) => keyDigest(key));
}

describe('KnownIdsTail', () => {
  const topic = uniqueName('known-ids-tail');
  const logger = pino({ level: 'silent' });
  let kafka: Kafka;
  let producer: Producer;

  const send = async (partition: number, keys: readonly (string | null)[]): Promise<void> => {
    await producer.send({
      topic,
      messages: keys.map((key) => ({ partition, key, value: '{}' })),
    });
  };

  before(async () => {
    kafka = createKafka(await testEnvironment(), 'known-ids-tail-test', logger);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();
    producer = kafka.producer();
    await producer.connect();
  });

  after(async () => {
    await producer.disconnect();
  });

  it('hands over the hashes of every keyed record from the start offsets on, then new ones', async () => {
    const tenant = uniqueName('tenant');
    const skipped = `${tenant}:${randomUUID()}`;
    const older = [`${tenant}:${randomUUID().toUpperCase()}`, `${tenant}:${randomUUID()}`];
    const other = [`${tenant}:${randomUUID()}`];
    await send(0, [skipped, ...older]);
    await send(1, [null, ...other]);

    const deliveries: Delivery[] = [];
    const crashes: string[] = [];
    const tail = await KnownIdsTail.start({
      kafka,
      topic,
      groupId: uniqueName('known-ids-tail-group'),
      maxWaitMs: 50,
      starts: [
        { partition: 0, offset: 1n },
        { partition: 1, offset: 0n },
      ],
      logger,
      onDigests: (partition, nextOffset, digests) => {
        deliveries.push({ partition, nextOffset, digests: [...digests] });
      },
      onCrash: (error) => crashes.push(error),
    });
    try {
      const of = (partition: number): Delivery[] =>
        deliveries.filter((delivery) => delivery.partition === partition);
      const upTo = (partition: number, offset: bigint) => async () =>
        Promise.resolve(of(partition).at(-1)?.nextOffset === offset || undefined);
      await waitFor('partition 0 up to offset 3', upTo(0, 3n), { timeoutMs: 30_000 });
      await waitFor('partition 1 up to offset 2', upTo(1, 2n), { timeoutMs: 30_000 });
      // Upper-case ids hash as the filter's lower-case keys; the record before the start and
      // the one without a key bring nothing.
      assert.deepEqual(
        of(0).flatMap((delivery) => delivery.digests),
        digestsOf(older.map((key) => key.toLowerCase())),
      );
      assert.deepEqual(
        of(1).flatMap((delivery) => delivery.digests),
        digestsOf(other),
      );

      const later = [`${tenant}:${randomUUID()}`, `${tenant}:${randomUUID()}`];
      await send(1, later);
      await waitFor('the new records on partition 1', upTo(1, 4n), { timeoutMs: 30_000 });
      assert.deepEqual(
        of(1).flatMap((delivery) => delivery.digests),
        digestsOf([...other, ...later]),
      );
      assert.deepEqual(crashes, []);
    } finally {
      await tail.stop();
    }

    // Stopped: records written afterwards are not delivered, and no crash is reported.
    const delivered = deliveries.length;
    await send(0, [`${tenant}:${randomUUID()}`]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(deliveries.length, delivered);
    assert.deepEqual(crashes, []);
  });

  it('rejects the start when the worker cannot subscribe, naming the cause', async () => {
    await assert.rejects(
      KnownIdsTail.start({
        kafka,
        topic: uniqueName('no-such-topic'),
        groupId: uniqueName('known-ids-tail-group'),
        maxWaitMs: 50,
        starts: [],
        logger,
        onDigests: () => undefined,
        onCrash: () => undefined,
      }),
      /the known-ids tail did not start: .+/,
    );
  });
});
