/**
 * "Counted once, end to end": the same events, statements and risk assessments sent again
 * as new Kafka records (a client retry, a re-run import) leave the raw tables and every
 * rollup as they were, with the writer running and after it was restarted.
 */
import { type ClickHouseClient, createClickHouseClient } from '@learnpulse/clickhouse';
import { encodeStoredStatement, type StoredStatementRecord } from '@learnpulse/events';
import { TOPICS } from '@learnpulse/kafka';
import { type INestApplication } from '@nestjs/common';
import { type Admin, type Producer } from 'kafkajs';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { bootstrapWarehouseWriter } from '../src';
import {
  connectProducer,
  encodeEvents,
  encodeRisk,
  learningEvents,
  produce,
  queryRows,
  riskAssessments,
  rollupMismatches,
  tableSnapshot,
  tempDataDir,
  testKafka,
  topicEnds,
  uniqueName,
  waitForCommitted,
  writerEnv,
} from './sink-test-kit';

const TOPICS_WRITTEN = [TOPICS.learningEvents, TOPICS.xapiStatements, TOPICS.learnerRisk];

function statements(tenant: string, count: number): { key: string; value: Buffer }[] {
  return Array.from({ length: count }, (_, k) => {
    const statementId = randomUUID();
    const record: StoredStatementRecord = {
      tenant,
      statementId,
      stored: new Date(Date.UTC(2025, 1, 1) + k * 1000).toISOString(),
      authority: {
        objectType: 'Agent',
        account: { homePage: 'https://lrs.example', name: tenant },
      },
      version: '2.0.0',
      statement: {
        id: statementId,
        actor: { mbox: `mailto:learner-${k % 3}@example.org` },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
        object: { id: `https://lms.example.edu/page/${k}` },
      },
    };
    return { key: `${tenant}:${statementId}`, value: encodeStoredStatement(record) };
  });
}

describe('warehouse-writer counts a re-sent event once', () => {
  const dataDir = tempDataDir();
  const group = uniqueName('warehouse-writer-once');
  let admin: Admin;
  let producer: Producer;

  before(async () => {
    const { env } = await writerEnv(dataDir);
    const kafka = testKafka(env);
    admin = kafka.admin();
    await admin.connect();
    producer = await connectProducer(kafka);
  });

  after(async () => {
    await producer.disconnect();
    await admin.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ app: INestApplication; client: ClickHouseClient }> {
    const { env } = await writerEnv(dataDir, {
      WAREHOUSE_CONSUMER_GROUP: group,
      WAREHOUSE_BATCH_MAX_ROWS: '150',
    });
    const app = await bootstrapWarehouseWriter(env);
    return { app, client: createClickHouseClient(env) };
  }

  async function caughtUp(): Promise<void> {
    for (const topic of TOPICS_WRITTEN) {
      await waitForCommitted(admin, group, topic, await topicEnds(admin, topic));
    }
  }

  it('leaves raw counts and every rollup unchanged when everything is sent again', async (t) => {
    const tenant = uniqueName('tenant');
    const events = encodeEvents(learningEvents(tenant, 600));
    const risk = encodeRisk(riskAssessments(tenant, 40));
    const lrs = statements(tenant, 20);
    const sendAll = async (): Promise<void> => {
      for (let k = 0; k < events.length; k += 100) {
        await produce(producer, TOPICS.learningEvents, events.slice(k, k + 100));
      }
      await produce(producer, TOPICS.learnerRisk, risk);
      await produce(producer, TOPICS.xapiStatements, lrs);
    };
    const statementCount = async (client: ClickHouseClient): Promise<unknown[]> =>
      queryRows(client, 'SELECT count() AS n FROM xapi_statements WHERE tenant = {tenant:String}', {
        tenant,
      });

    let writer = await start();
    try {
      // One copy of some events inside the same stretch of records, too.
      await produce(producer, TOPICS.learningEvents, [
        ...events.slice(0, 30),
        ...events.slice(0, 30),
      ]);
      await sendAll();
      await caughtUp();
      const once = await tableSnapshot(writer.client, tenant);
      assert.deepEqual(once.learning_events, [{ n: '600', ids: '600' }]);
      assert.deepEqual(once.risk_assessments, [{ n: '40', ids: '40' }]);
      assert.deepEqual(await statementCount(writer.client), [{ n: '20' }]);
      assert.deepEqual(await rollupMismatches(writer.client, tenant), []);

      await sendAll();
      await caughtUp();
      assert.deepEqual(await tableSnapshot(writer.client, tenant), once, 'a retry while running');

      await writer.client.close();
      await writer.app.close();
      writer = await start();
      await sendAll();
      await caughtUp();
      assert.deepEqual(
        await tableSnapshot(writer.client, tenant),
        once,
        'a re-run after a restart',
      );
      assert.deepEqual(await statementCount(writer.client), [{ n: '20' }]);
      assert.deepEqual(await rollupMismatches(writer.client, tenant), []);
      const [latest] = await queryRows<{ n: string }>(
        writer.client,
        'SELECT count() AS n FROM learner_risk_latest FINAL WHERE tenant = {tenant:String}',
        { tenant },
      );
      assert.equal(latest?.n, '10', 'one latest row per learner and course (10 pairs)');
      t.diagnostic(`tables compared: ${Object.keys(once).join(', ')}`);
    } finally {
      await writer.client.close();
      await writer.app.close();
    }
  });
});
