import { type ClickHouseClient, createClickHouseClient } from '@learnpulse/clickhouse';
import { encodeStoredStatement, type StoredStatementRecord } from '@learnpulse/events';
import { TOPICS } from '@learnpulse/kafka';
import { type INestApplication } from '@nestjs/common';
import { type Admin, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { bootstrapWarehouseWriter } from '../src';
import {
  connectProducer,
  encodeEvents,
  encodeRisk,
  expectedRollup,
  learningEvents,
  produce,
  queryRows,
  riskAssessments,
  rollupByCourseDay,
  tempDataDir,
  tenantCounts,
  testKafka,
  topicEnds,
  uniqueName,
  waitForCommitted,
  writerEnv,
} from './sink-test-kit';

function statement(tenant: string, k: number): StoredStatementRecord {
  const statementId = randomUUID();
  return {
    tenant,
    statementId,
    stored: new Date(Date.UTC(2025, 1, 1) + k * 1000).toISOString(),
    authority: { objectType: 'Agent', account: { homePage: 'https://lrs.example', name: tenant } },
    version: '2.0.0',
    statement: {
      id: statementId,
      actor: { mbox: `mailto:learner-${k % 3}@example.org` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: `https://lms.example.edu/page/${k}` },
      context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
    },
  };
}

describe('warehouse-writer sink', () => {
  const dataDir = tempDataDir();
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let client: ClickHouseClient;

  before(async () => {
    const { env } = await writerEnv(dataDir);
    kafka = testKafka(env);
    admin = kafka.admin();
    await admin.connect();
    producer = await connectProducer(kafka);
  });

  after(async () => {
    await producer.disconnect();
    await admin.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A writer of its own consumer group, with a client to read what it wrote. */
  async function startWriter(
    overrides: Record<string, string> = {},
  ): Promise<{ app: INestApplication; group: string; port: number; token: string }> {
    const token = `test-metrics-token-${randomUUID()}`;
    const { env } = await writerEnv(dataDir, { METRICS_TOKEN: token, ...overrides });
    const app = await bootstrapWarehouseWriter(env);
    client = createClickHouseClient(env);
    return { app, group: env.WAREHOUSE_CONSUMER_GROUP, port: env.WAREHOUSE_WRITER_PORT, token };
  }

  async function stopWriter(app: INestApplication): Promise<void> {
    await client.close();
    await app.close();
  }

  it('stores every event and statement once, and the rollup counts exactly what was sent', async () => {
    const tenant = uniqueName('tenant');
    const { app, group } = await startWriter({ WAREHOUSE_BATCH_MAX_ROWS: '300' });
    try {
      const events = learningEvents(tenant, 2000);
      const encoded = encodeEvents(events);
      for (let start = 0; start < encoded.length; start += 250) {
        await produce(producer, TOPICS.learningEvents, encoded.slice(start, start + 250));
      }
      const statements = Array.from({ length: 30 }, (_, k) => statement(tenant, k));
      await produce(
        producer,
        TOPICS.xapiStatements,
        statements.map((s) => ({
          key: `${tenant}:${s.statementId}`,
          value: encodeStoredStatement(s),
        })),
      );

      await waitForCommitted(
        admin,
        group,
        TOPICS.learningEvents,
        await topicEnds(admin, TOPICS.learningEvents),
      );
      await waitForCommitted(
        admin,
        group,
        TOPICS.xapiStatements,
        await topicEnds(admin, TOPICS.xapiStatements),
      );

      assert.deepEqual(await tenantCounts(client, tenant), {
        raw: 2000,
        distinct: 2000,
        rollup: 2000,
      });
      assert.deepEqual(await rollupByCourseDay(client, tenant), expectedRollup(events));

      const sample = events[1234]!;
      const [stored] = await queryRows<Record<string, unknown>>(
        client,
        `SELECT learner_id, course_id, action, score_raw, toUnixTimestamp64Milli(occurred_at) AS occurred, payload
         FROM learning_events WHERE tenant = {tenant:String} AND event_id = {id:UUID}`,
        { tenant, id: sample.eventId },
      );
      assert.deepEqual(stored, {
        learner_id: sample.learnerId,
        course_id: sample.courseId ?? '',
        action: sample.action,
        score_raw: sample.score?.raw ?? null,
        occurred: String(sample.occurredAt),
        payload: sample.payload,
      });

      const storedStatements = await queryRows<{ n: string; ids: string; actors: string[] }>(
        client,
        `SELECT count() AS n, uniqExact(statement_id) AS ids, arraySort(groupUniqArray(actor)) AS actors
         FROM xapi_statements WHERE tenant = {tenant:String}`,
        { tenant },
      );
      assert.deepEqual(storedStatements, [
        {
          n: '30',
          ids: '30',
          actors: [0, 1, 2].map((k) => `mbox:mailto:learner-${k}@example.org`),
        },
      ]);
      const [full] = await queryRows<{ statement: string }>(
        client,
        'SELECT statement FROM xapi_statements WHERE tenant = {tenant:String} AND statement_id = {id:UUID}',
        { tenant, id: statements[7]!.statementId },
      );
      const parsed = JSON.parse(full!.statement) as Record<string, unknown>;
      assert.equal(parsed.stored, statements[7]!.stored);
      assert.deepEqual(parsed.authority, statements[7]!.authority);
    } finally {
      await stopWriter(app);
    }
  });

  it('sends an undecodable record to the dead-letter topic with its error and goes on', async () => {
    const tenant = uniqueName('tenant');
    const { app, group, port, token } = await startWriter();
    try {
      const key = `${tenant}:learner-bad`;
      const garbage = Buffer.from('definitely not a framed Avro record');
      const [sent] = await produce(producer, TOPICS.learningEvents, [{ key, value: garbage }]);
      const good = learningEvents(tenant, 5);
      await produce(producer, TOPICS.learningEvents, encodeEvents(good));

      await waitForCommitted(
        admin,
        group,
        TOPICS.learningEvents,
        await topicEnds(admin, TOPICS.learningEvents),
      );
      assert.deepEqual(await tenantCounts(client, tenant), { raw: 5, distinct: 5, rollup: 5 });

      const dead = await readDeadLetter(kafka, key);
      assert.deepEqual(dead.value, garbage);
      const headers = Object.fromEntries(
        Object.entries(dead.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      assert.match(headers['x-error'] ?? '', /SchemaDecodeError|magic byte|wire format/i);
      assert.equal(headers['x-source-topic'], TOPICS.learningEvents);
      assert.equal(headers['x-source-partition'], String(sent!.partition));
      assert.equal(headers['x-source-offset'], String(sent!.baseOffset));

      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((response) => response.text());
      const dlq =
        /learnpulse_sink_dlq_records_total\{[^}]*topic="learning\.events\.v1"[^}]*\} (\d+)/.exec(
          metrics,
        );
      assert.ok(Number(dlq?.[1]) >= 1, 'dead-letter counter');
      assert.match(metrics, /learnpulse_sink_insert_seconds_count\{[^}]*table="learning_events"/);

      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      assert.equal(ready.status, 200);
    } finally {
      await stopWriter(app);
    }
  });
});

describe('warehouse-writer risk sink', () => {
  const dataDir = tempDataDir();
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores learner.risk.v1 assessments, dead-letters an undecodable one and goes on', async () => {
    const tenant = uniqueName('tenant');
    const { env } = await writerEnv(dataDir);
    const kafka = testKafka(env);
    const admin = kafka.admin();
    await admin.connect();
    const producer = await connectProducer(kafka);
    const app = await bootstrapWarehouseWriter(env);
    const client = createClickHouseClient(env);
    try {
      const assessments = riskAssessments(tenant, 12);
      const key = `${tenant}:learner-poison`;
      const poison = Buffer.from([0, 0, 0, 0, 99, 1, 2, 3]);
      await produce(producer, TOPICS.learnerRisk, encodeRisk(assessments.slice(0, 4)));
      const [sent] = await produce(producer, TOPICS.learnerRisk, [{ key, value: poison }]);
      await produce(producer, TOPICS.learnerRisk, encodeRisk(assessments.slice(4)));
      await waitForCommitted(
        admin,
        env.WAREHOUSE_CONSUMER_GROUP,
        TOPICS.learnerRisk,
        await topicEnds(admin, TOPICS.learnerRisk),
      );

      const stored = await queryRows<{ id: string; level: string; reasons: string }>(
        client,
        `SELECT toString(assessment_id) AS id, level, reasons FROM risk_assessments
         WHERE tenant = {tenant:String} ORDER BY as_of`,
        { tenant },
      );
      assert.deepEqual(
        stored.map((r) => [r.id, r.level]),
        assessments.map((a) => [a.assessmentId, a.level]),
      );
      assert.deepEqual(JSON.parse(stored[5]!.reasons), assessments[5]!.reasons);
      const latest = await queryRows<{ learner_id: string; id: string }>(
        client,
        `SELECT learner_id, toString(assessment_id) AS id FROM learner_risk_latest FINAL
         WHERE tenant = {tenant:String} AND learner_id = 'learner-1'`,
        { tenant },
      );
      assert.deepEqual(latest, [{ learner_id: 'learner-1', id: assessments[11]!.assessmentId }]);

      const dead = await readDeadLetter(kafka, key);
      assert.deepEqual(dead.value, poison);
      const headers = Object.fromEntries(
        Object.entries(dead.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      assert.equal(headers['x-source-topic'], TOPICS.learnerRisk);
      assert.equal(headers['x-source-offset'], String(sent!.baseOffset));
      assert.ok((headers['x-error'] ?? '').length > 0, 'the error travels with the record');
    } finally {
      await client.close();
      await app.close();
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});

/** Reads the dead-letter topic from the start with a fresh group until the record with `key` shows up. */
async function readDeadLetter(kafka: Kafka, key: string): Promise<KafkaMessage> {
  const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPICS.learningEventsDlq, fromBeginning: true });
    return await new Promise<KafkaMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no dead letter with key ${key}`));
      }, 60_000);
      void consumer.run({
        eachMessage: ({ message }) => {
          if (message.key?.toString() === key) {
            clearTimeout(timer);
            resolve(message);
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
