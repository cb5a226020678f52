/**
 * Against the real broker at KAFKA_BROKERS: topic creation, acknowledged sends that a
 * consumer can read, and close() flushing what was accepted.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '@learnpulse/config';
import { ConfigResourceTypes, type Kafka, Partitioners } from 'kafkajs';
import pino from 'pino';
import {
  checkKafka,
  createKafka,
  ensureTopics,
  KafkaUnavailableError,
  ProducerClosedError,
  ReliableProducer,
  type TopicSpec,
  zstdCodec,
} from '../src';

const env = loadConfig();
const logger = pino({ level: 'warn' });
const runId = randomUUID().slice(0, 8);
const created: string[] = [];

function testTopic(name: string, compacted = false): TopicSpec {
  const topic = `learnpulse.test.kafka.${name}.${runId}`;
  created.push(topic);
  return {
    name: topic,
    key: 'test',
    value: 'test',
    compacted,
    configEntries: compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
  };
}

/** Reads `count` records of a topic from the beginning with a fresh consumer group. */
async function readRecords(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<{ key: string; value: string; partition: number }[]> {
  const consumer = kafka.consumer({ groupId: `learnpulse-test-${randomUUID()}` });
  const records: { key: string; value: string; partition: number }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`read ${records.length} of ${count} records from ${topic}`));
      }, 30_000);
      void consumer.run({
        eachMessage: ({ message, partition }) => {
          records.push({
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            partition,
          });
          if (records.length >= count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

describe('libs/kafka against the broker', () => {
  let kafka: Kafka;

  before(() => {
    kafka = createKafka(env, 'kafka-spec', logger);
  });

  after(async () => {
    const admin = kafka.admin();
    await admin.connect();
    const present = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: created.filter((topic) => present.has(topic)) });
    await admin.disconnect();
  });

  it('checkKafka resolves for the running broker', async () => {
    await checkKafka(kafka);
  });

  it('checkKafka rejects quickly when no broker listens', async () => {
    const unreachable = createKafka(
      loadConfig({ KAFKA_BROKERS: '127.0.0.1:1' }),
      'kafka-spec',
      pino({ level: 'silent' }),
    );
    const started = Date.now();
    await assert.rejects(checkKafka(unreachable, 2_000), KafkaUnavailableError);
    assert.ok(Date.now() - started < 5_000);
  });

  it('ensureTopics creates missing topics with the requested partitions and configs, once', async () => {
    const plain = testTopic('plain');
    const compacted = testTopic('compacted', true);
    const first = await ensureTopics(kafka, {
      partitions: 4,
      replicationFactor: 1,
      topics: [plain, compacted],
    });
    assert.deepEqual(first.created, [plain.name, compacted.name]);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [plain.name, compacted.name] });
      for (const topic of topics) assert.equal(topic.partitions.length, 4, topic.name);
      const configs = await admin.describeConfigs({
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: compacted.name,
            configNames: ['cleanup.policy'],
          },
        ],
        includeSynonyms: false,
      });
      assert.equal(configs.resources[0]?.configEntries[0]?.configValue, 'compact');
    } finally {
      await admin.disconnect();
    }

    const second = await ensureTopics(kafka, {
      partitions: 4,
      replicationFactor: 1,
      topics: [plain, compacted],
    });
    assert.deepEqual(second.created, []);
    assert.deepEqual(second.existing, [
      { name: plain.name, partitions: 4 },
      { name: compacted.name, partitions: 4 },
    ]);
  });

  it('send resolves once the records are readable by a consumer, per key in order', async () => {
    const a = testTopic('send-a');
    const b = testTopic('send-b');
    await ensureTopics(kafka, { partitions: 3, replicationFactor: 1, topics: [a, b] });
    const producer = await ReliableProducer.connect(kafka, logger);
    try {
      await producer.send([
        {
          topic: a.name,
          messages: [
            { key: 'demo:learner-1', value: '1', headers: { source: 'spec' } },
            { key: 'demo:learner-1', value: '2' },
          ],
        },
        { topic: b.name, messages: [{ key: 'demo:learner-2', value: Buffer.from('3') }] },
      ]);
    } finally {
      await producer.close();
    }
    const fromA = await readRecords(kafka, a.name, 2);
    assert.deepEqual(
      fromA.map((r) => r.value),
      ['1', '2'],
    );
    assert.equal(fromA[0]?.partition, fromA[1]?.partition);
    const fromB = await readRecords(kafka, b.name, 1);
    assert.deepEqual(fromB[0]?.key, 'demo:learner-2');
  });

  it('zstd-compressed sends are read back whole by a kafkajs consumer', async () => {
    const topic = testTopic('zstd');
    await ensureTopics(kafka, { partitions: 1, replicationFactor: 1, topics: [topic] });
    const producer = await ReliableProducer.connect(kafka, logger, { compression: 'zstd' });
    const values = Array.from({ length: 500 }, (_, i) => `statement ${i} ${'x'.repeat(i % 97)}`);
    try {
      await producer.send([
        { topic: topic.name, messages: values.map((value, i) => ({ key: `k${i % 7}`, value })) },
      ]);
    } finally {
      await producer.close();
    }
    // Count the batches the consumer decoded with the codec: proof they were zstd on the wire.
    const decompress = zstdCodec.decompress;
    let decoded = 0;
    zstdCodec.decompress = (buffer) => {
      decoded++;
      return decompress(buffer);
    };
    try {
      const read = await readRecords(kafka, topic.name, values.length);
      assert.deepEqual(
        read.map((r) => r.value),
        values,
      );
    } finally {
      zstdCodec.decompress = decompress;
    }
    assert.ok(decoded > 0, 'the consumer decoded no zstd batch');
  });

  it("puts each key on the partition Java's and kafkajs' default partitioner choose", async () => {
    const topic = testTopic('partitions');
    await ensureTopics(kafka, { partitions: 5, replicationFactor: 1, topics: [topic] });
    const keys = Array.from({ length: 40 }, (_, i) => `tenant-${i % 3}:learner-${i}`);
    const producer = await ReliableProducer.connect(kafka, logger);
    try {
      await producer.send([
        { topic: topic.name, messages: keys.map((key) => ({ key, value: key })) },
      ]);
    } finally {
      await producer.close();
    }
    const javaCompatible = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 5 }, (_, partitionId) => ({
      partitionId,
      leader: 1,
      partitionErrorCode: 0,
      replicas: [1],
      isr: [1],
      offlineReplicas: [],
    }));
    const records = await readRecords(kafka, topic.name, keys.length);
    const partitions = new Set(records.map((r) => r.partition));
    assert.ok(partitions.size > 1, 'keys spread over partitions');
    for (const record of records) {
      const expected = javaCompatible({
        topic: topic.name,
        partitionMetadata,
        message: { key: record.key, value: record.value },
      });
      assert.equal(record.partition, expected, record.key);
    }
  });

  it('close() flushes every accepted send before disconnecting, and refuses later sends', async () => {
    const topic = testTopic('close');
    await ensureTopics(kafka, { partitions: 3, replicationFactor: 1, topics: [topic] });
    const producer = await ReliableProducer.connect(kafka, logger);
    const sends = Array.from({ length: 200 }, (_, i) =>
      producer.send([{ topic: topic.name, messages: [{ key: `k${i % 7}`, value: String(i) }] }]),
    );
    await producer.close();
    const outcomes = await Promise.allSettled(sends);
    assert.ok(outcomes.every((o) => o.status === 'fulfilled'));
    await assert.rejects(
      producer.send([{ topic: topic.name, messages: [{ key: 'k', value: 'late' }] }]),
      ProducerClosedError,
    );

    const records = await readRecords(kafka, topic.name, 200);
    assert.equal(records.length, 200);
    // Coalesced sends keep each key's records in send order.
    for (let k = 0; k < 7; k += 1) {
      const values = records.filter((r) => r.key === `k${k}`).map((r) => Number(r.value));
      assert.deepEqual(
        values,
        [...values].sort((x, y) => x - y),
      );
    }
  });

  it('a send that the broker refuses fails alone, not the sends coalesced with it', async () => {
    const topic = testTopic('refused');
    await ensureTopics(kafka, { partitions: 1, replicationFactor: 1, topics: [topic] });
    // The broker's refusal is expected here: keep kafkajs' error lines out of the test output.
    const quiet = createKafka(env, 'kafka-spec', pino({ level: 'silent' }));
    // A coalescing limit above the record size, so the refused record shares a request.
    const producer = await ReliableProducer.connect(quiet, pino({ level: 'silent' }), {
      maxCoalescedBytes: 8 * 1024 * 1024,
    });
    try {
      // Above the broker's default message.max.bytes (1 MiB).
      const tooLarge = Buffer.alloc(2 * 1024 * 1024, 1);
      const results = await Promise.allSettled([
        producer.send([{ topic: topic.name, messages: [{ key: 'ok', value: 'first' }] }]),
        producer.send([{ topic: topic.name, messages: [{ key: 'big', value: tooLarge }] }]),
        producer.send([{ topic: topic.name, messages: [{ key: 'ok', value: 'after' }] }]),
      ]);
      assert.equal(results[0].status, 'fulfilled');
      assert.equal(results[1].status, 'rejected');
      assert.equal(results[2].status, 'fulfilled');
    } finally {
      await producer.close();
    }
    const records = await readRecords(kafka, topic.name, 2);
    assert.deepEqual(
      records.map((r) => r.value),
      ['first', 'after'],
    );
  });
});
