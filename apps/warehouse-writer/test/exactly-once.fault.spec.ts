/**
 * THE fault tests: the writer is SIGKILLed while events (some sent twice, as new records)
 * and risk assessments stream in, then started again; separately, ClickHouse refuses inserts
 * for a while. In the end every event is in ClickHouse exactly once, and every rollup equals
 * the same aggregate computed from the raw table.
 */
import { createClickHouseClient } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { TOPICS } from '@learnpulse/kafka';
import { type ChildProcess, spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { bootstrapWarehouseWriter } from '../src';
import {
  committedOffsets,
  connectProducer,
  encodeEvents,
  encodeRisk,
  expectedRollup,
  learningEvents,
  produce,
  queryRows,
  riskAssessments,
  rollupByCourseDay,
  rollupMismatches,
  tempDataDir,
  tenantCounts,
  testKafka,
  topicEnds,
  uniqueName,
  waitForCommitted,
  writerEnv,
} from './sink-test-kit';

const MAIN = path.resolve(__dirname, '..', 'src', 'main.js');
const EVENTS = 4000;
const RISK = 200;
const SLICE = 40;

/**
 * The events in slices of SLICE records, with every 5th slice followed by a copy of it (a
 * client retry: the same events as new records), and the risk assessments in between.
 */
function stream(tenant: string): {
  events: ReturnType<typeof learningEvents>;
  slices: { topic: string; messages: { key: string; value: Buffer }[] }[];
} {
  const events = learningEvents(tenant, EVENTS);
  const encoded = encodeEvents(events);
  const risk = encodeRisk(riskAssessments(tenant, RISK));
  const slices: { topic: string; messages: { key: string; value: Buffer }[] }[] = [];
  for (let k = 0; k * SLICE < encoded.length; k += 1) {
    const messages = encoded.slice(k * SLICE, (k + 1) * SLICE);
    slices.push({ topic: TOPICS.learningEvents, messages });
    if (k % 5 === 4) slices.push({ topic: TOPICS.learningEvents, messages });
    if (k % 10 === 0) {
      slices.push({ topic: TOPICS.learnerRisk, messages: risk.slice(k * 2, k * 2 + 20) });
    }
  }
  return { events, slices };
}

/** What the fault tests assert at the end: each event once, each rollup = raw aggregate. */
async function assertStoredOnce(
  env: Environment,
  tenant: string,
  events: ReturnType<typeof learningEvents>,
): Promise<void> {
  const client = createClickHouseClient(env);
  try {
    assert.deepEqual(await tenantCounts(client, tenant), {
      raw: EVENTS,
      distinct: EVENTS,
      rollup: EVENTS,
    });
    assert.deepEqual(await rollupByCourseDay(client, tenant), expectedRollup(events));
    assert.deepEqual(
      await queryRows(
        client,
        'SELECT count() AS n, uniqExact(assessment_id) AS ids FROM risk_assessments WHERE tenant = {tenant:String}',
        { tenant },
      ),
      [{ n: String(RISK), ids: String(RISK) }],
    );
    assert.deepEqual(await rollupMismatches(client, tenant), []);
  } finally {
    await client.close();
  }
}

async function waitForAll(
  admin: Parameters<typeof topicEnds>[0],
  group: string,
  timeoutMs: number,
): Promise<void> {
  for (const topic of [TOPICS.learningEvents, TOPICS.learnerRisk]) {
    await waitForCommitted(admin, group, topic, await topicEnds(admin, topic), timeoutMs);
  }
}

interface Writer {
  child: ChildProcess;
  logs: string[];
}

function startWriter(vars: NodeJS.ProcessEnv): Writer {
  const child = spawn(process.execPath, [MAIN], { env: vars, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer): void => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    logs.push(...lines);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return { child, logs };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('warehouse-writer under SIGKILL', () => {
  const dataDir = tempDataDir();
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every event exactly once after being killed mid-stream and restarted', async (t) => {
    const tenant = uniqueName('tenant');
    const { env, vars } = await writerEnv(dataDir, {
      WAREHOUSE_BATCH_MAX_ROWS: '200',
      LOG_LEVEL: 'debug',
    });
    const group = env.WAREHOUSE_CONSUMER_GROUP;
    const kafka = testKafka(env);
    const admin = kafka.admin();
    await admin.connect();
    const producer = await connectProducer(kafka);
    const writers: Writer[] = [];
    try {
      const { events, slices } = stream(tenant);
      const start = await topicEnds(admin, TOPICS.learningEvents);
      /** Our records the group has committed so far (the writer commits only what is stored). */
      const progress = async (): Promise<number> => {
        const committed = await committedOffsets(admin, group, TOPICS.learningEvents);
        let done = 0;
        for (const [partition, from] of start) {
          done += Math.max(0, (committed.get(partition) ?? -1) - from);
        }
        return done;
      };

      const first = startWriter(vars);
      writers.push(first);
      // Stream in small slices while the writer runs, so it is killed in the middle of work.
      let produced = 0;
      const streaming = (async () => {
        for (const slice of slices) {
          await produce(producer, slice.topic, slice.messages);
          if (slice.topic === TOPICS.learningEvents) produced += slice.messages.length;
          await sleep(40);
        }
      })();

      // Once some of our records are stored, kill it the moment it starts inserting a batch:
      // that batch's range is written ahead and its offsets are not committed yet.
      for (;;) {
        if ((await progress()) >= 400) break;
        if (first.child.exitCode !== null) {
          assert.fail(`writer exited early:\n${first.logs.join('\n')}`);
        }
        await sleep(10);
      }
      const seen = first.logs.length;
      const inFlight = await new Promise<string>((resolve) => {
        const look = (): void => {
          const line = first.logs
            .slice(seen)
            .find((l) => l.includes('"inserting batch"') && l.includes(TOPICS.learningEvents));
          if (line === undefined) {
            setTimeout(look, 0);
            return;
          }
          first.child.kill('SIGKILL');
          resolve(line);
        };
        look();
      });
      await once(first.child, 'exit');
      const killedIn = JSON.parse(inFlight) as {
        partition: number;
        range: { first: number; last: number };
      };
      const atKill = await progress();
      t.diagnostic(
        `killed while inserting partition ${killedIn.partition} range ${JSON.stringify(killedIn.range)}, ` +
          `after ${atKill} records were committed (${produced} of ours produced, copies included)`,
      );
      const records = slices
        .filter((slice) => slice.topic === TOPICS.learningEvents)
        .reduce((sum, slice) => sum + slice.messages.length, 0);
      assert.ok(atKill < records, 'the kill came before the end');

      const second = startWriter(vars);
      writers.push(second);
      await streaming;
      await waitForAll(admin, group, 180_000);
      second.child.kill('SIGTERM');
      const [code] = (await once(second.child, 'exit')) as [number | null];
      assert.equal(code, 0, `graceful exit:\n${second.logs.slice(-20).join('\n')}`);

      const recovery = second.logs.filter((line) =>
        /re-inserting the written-ahead range|skipped records already stored|fetching again/.test(
          line,
        ),
      );
      t.diagnostic(
        `restart recovery log lines:\n${recovery.map((l) => l.slice(0, 300)).join('\n')}`,
      );
      // The batch in flight at the kill is inserted again as the same block after the restart.
      assert.ok(
        recovery.some(
          (line) =>
            line.includes('re-inserting the written-ahead range') &&
            line.includes(`"partition":${killedIn.partition},`) &&
            line.includes(JSON.stringify(killedIn.range)),
        ),
        'the interrupted range was re-inserted',
      );

      await assertStoredOnce(env, tenant, events);
    } finally {
      for (const { child } of writers) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});

describe('warehouse-writer while ClickHouse refuses inserts', () => {
  const dataDir = tempDataDir();
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('commits nothing while inserts fail, then stores every event once by itself', async (t) => {
    const tenant = uniqueName('tenant');
    const token = `fault-metrics-token-${uniqueName('t')}`;
    const { env } = await writerEnv(dataDir, {
      WAREHOUSE_BATCH_MAX_ROWS: '200',
      METRICS_TOKEN: token,
    });
    const group = env.WAREHOUSE_CONSUMER_GROUP;
    const kafka = testKafka(env);
    const admin = kafka.admin();
    await admin.connect();
    const producer = await connectProducer(kafka);
    // In this process, so the test shares the writer's embedded engine and can take a table away.
    const app = await bootstrapWarehouseWriter(env);
    const client = createClickHouseClient(env);
    let away = false;
    const restore = async (): Promise<void> => {
      if (!away) return;
      await client.command({
        query: 'RENAME TABLE course_weekly_activity_away TO course_weekly_activity',
      });
      away = false;
    };
    const insertRetries = async (): Promise<number> => {
      const text = await fetch(`http://127.0.0.1:${env.WAREHOUSE_WRITER_PORT}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((response) => response.text());
      return Number(
        /learnpulse_sink_retries_total\{[^}]*step="insert"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0,
      );
    };
    try {
      const { events, slices } = stream(tenant);
      const half = Math.floor(slices.length / 2);
      for (const slice of slices.slice(0, half))
        await produce(producer, slice.topic, slice.messages);
      await waitForAll(admin, group, 180_000);

      // A rollup's table is gone: every insert into learning_events fails, raw rows included.
      await client.command({
        query: 'RENAME TABLE course_weekly_activity TO course_weekly_activity_away',
      });
      away = true;
      // Where our remaining records start. The topic is shared with the other test files, whose
      // records may arrive meanwhile: a batch of theirs that needs no insert (a poison record
      // sent to the DLQ) is rightly committed, so the check is that no commit passes ours.
      const oursFrom = await topicEnds(admin, TOPICS.learningEvents);
      for (const slice of slices.slice(half)) await produce(producer, slice.topic, slice.messages);
      const failingSince = Date.now();
      while ((await insertRetries()) < 3) {
        assert.ok(Date.now() - failingSince < 60_000, 'the writer retries the failing insert');
        await sleep(100);
      }
      await sleep(1000);
      const committedDuring = await committedOffsets(admin, group, TOPICS.learningEvents);
      for (const [partition, from] of oursFrom) {
        assert.ok(
          (committedDuring.get(partition) ?? 0) <= from,
          `nothing of ours committed while the inserts fail (partition ${partition}: committed ${committedDuring.get(partition)}, ours from ${from})`,
        );
      }
      const [during] = await queryRows<{ n: string }>(
        client,
        'SELECT count() AS n FROM learning_events WHERE tenant = {tenant:String}',
        { tenant },
      );
      assert.ok(Number(during?.n) < EVENTS, 'the events after the failure are not stored yet');
      t.diagnostic(`${during?.n} of ${EVENTS} events stored while inserts failed`);

      await restore();
      await waitForAll(admin, group, 180_000);
      assert.ok((await insertRetries()) >= 3);
      await assertStoredOnce(env, tenant, events);
    } finally {
      await restore();
      await client.close();
      await app.close();
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});
