/**
 * THE fault test: the writer is SIGKILLed while events stream in, started again, and in the
 * end every event is in ClickHouse exactly once, in the raw table and in the rollup.
 */
import { createClickHouseClient } from '@learnpulse/clickhouse';
import { TOPICS } from '@learnpulse/kafka';
import { type ChildProcess, spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  committedOffsets,
  connectProducer,
  encodeEvents,
  expectedRollup,
  learningEvents,
  produce,
  rollupByCourseDay,
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
      const events = learningEvents(tenant, EVENTS);
      const encoded = encodeEvents(events);
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
        for (; produced < encoded.length; produced += 40) {
          await produce(producer, TOPICS.learningEvents, encoded.slice(produced, produced + 40));
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
          `after ${atKill} of our ${EVENTS} records were committed (${produced} produced)`,
      );
      assert.ok(atKill < EVENTS, 'the kill came before the end');

      const second = startWriter(vars);
      writers.push(second);
      await streaming;
      await waitForCommitted(
        admin,
        group,
        TOPICS.learningEvents,
        await topicEnds(admin, TOPICS.learningEvents),
        180_000,
      );
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

      const client = createClickHouseClient(env);
      try {
        assert.deepEqual(await tenantCounts(client, tenant), {
          raw: EVENTS,
          distinct: EVENTS,
          rollup: EVENTS,
        });
        assert.deepEqual(await rollupByCourseDay(client, tenant), expectedRollup(events));
      } finally {
        await client.close();
      }
    } finally {
      for (const { child } of writers) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});
