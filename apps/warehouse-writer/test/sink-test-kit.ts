/** Helpers of the sink's integration specs: environments, events, producing, waiting for the group. */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { type Environment, loadConfig } from '@learnpulse/config';
import { type LearningAction, type LearningEvent, learningEventCodec } from '@learnpulse/events';
import { createKafka } from '@learnpulse/kafka';
import { type Admin, type Kafka, type Producer, type RecordMetadata } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { freePort, tempDir, uniqueName } from '@learnpulse/testing';
import pino from 'pino';

export { freePort, uniqueName } from '@learnpulse/testing';

export function tempDataDir(): string {
  return tempDir('writer');
}

/** The process environment with an embedded engine in `dataDir`, a fresh group and port. */
export async function writerEnv(
  dataDir: string,
  overrides: Partial<Record<keyof Environment, string>> = {},
): Promise<{ env: Environment; vars: NodeJS.ProcessEnv }> {
  const vars: NodeJS.ProcessEnv = {
    ...process.env,
    CHDB_PATH: dataDir,
    WAREHOUSE_CONSUMER_GROUP: uniqueName('warehouse-writer-test'),
    WAREHOUSE_WRITER_PORT: String(await freePort()),
    WAREHOUSE_BATCH_MAX_WAIT_MS: '100',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...overrides,
  };
  delete vars.CLICKHOUSE_URL;
  return { env: loadConfig(vars), vars };
}

export function testKafka(env: Environment): Kafka {
  return createKafka(env, 'warehouse-writer-test', pino({ level: 'error' }));
}

const ACTIONS: LearningAction[] = ['viewed', 'attempted', 'submitted', 'scored', 'completed'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** `count` events of one tenant over 3 courses, 4 days and 25 learners. */
export function learningEvents(tenant: string, count: number): LearningEvent[] {
  const start = Date.UTC(2025, 0, 30, 12);
  return Array.from({ length: count }, (_, k) => ({
    eventId: randomUUID(),
    tenant,
    source: 'xapi',
    learnerId: `learner-${k % 25}`,
    learnerAnonymous: false,
    courseId: k % 10 === 9 ? null : `course-${k % 3}`,
    objectId: `https://lms.example.edu/activity/${k % 40}`,
    objectType: 'http://adlnet.gov/expapi/activities/lesson',
    action: ACTIONS[k % ACTIONS.length] ?? 'other',
    score: k % 5 === 3 ? { raw: k % 11, min: 0, max: 10, scaled: (k % 11) / 10 } : null,
    occurredAt: start + (k % 4) * DAY_MS + k,
    receivedAt: start + (k % 4) * DAY_MS + k + 100,
    payload: JSON.stringify({ n: k }),
  }));
}

export function encodeEvents(events: readonly LearningEvent[]): { key: string; value: Buffer }[] {
  return events.map((event) => ({
    key: `${event.tenant}:${event.learnerId}`,
    value: learningEventCodec.encode(event),
  }));
}

/** Expected rollup per `course|day`: event count and distinct learners. */
export function expectedRollup(
  events: readonly LearningEvent[],
): Map<string, { events: number; learners: number }> {
  const groups = new Map<string, { events: number; learners: Set<string> }>();
  for (const event of events) {
    const key = `${event.courseId ?? ''}|${new Date(event.occurredAt).toISOString().slice(0, 10)}`;
    const group = groups.get(key) ?? { events: 0, learners: new Set<string>() };
    group.events += 1;
    group.learners.add(event.learnerId);
    groups.set(key, group);
  }
  return new Map(
    [...groups].map(([key, g]) => [key, { events: g.events, learners: g.learners.size }]),
  );
}

export async function connectProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

export async function produce(
  producer: Producer,
  topic: string,
  messages: { key: string; value: Buffer }[],
): Promise<RecordMetadata[]> {
  return producer.send({ topic, messages, acks: -1 });
}

/** Offset after the last record of each partition (the high watermark). */
export async function topicEnds(admin: Admin, topic: string): Promise<Map<number, number>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
}

export async function committedOffsets(
  admin: Admin,
  group: string,
  topic: string,
): Promise<Map<number, number>> {
  // A coordinator move (e.g. while a group is rebalancing) is retriable; kafkajs' admin
  // does not retry it by itself.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [result] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return new Map((result?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Waits until the group has committed at least `targets` on every partition of the topic. */
export async function waitForCommitted(
  admin: Admin,
  group: string,
  topic: string,
  targets: Map<number, number>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const committed = await committedOffsets(admin, group, topic);
    const behind = [...targets].filter(
      ([partition, end]) => end > 0 && (committed.get(partition) ?? -1) < end,
    );
    if (behind.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `group ${group} did not reach the end of ${topic}: ${JSON.stringify(
          behind.map(([p, end]) => ({ partition: p, end, committed: committed.get(p) })),
        )}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function queryRows<T>(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

export interface TenantCounts {
  raw: number;
  distinct: number;
  rollup: number;
}

export async function tenantCounts(
  client: ClickHouseClient,
  tenant: string,
): Promise<TenantCounts> {
  const [row] = await queryRows<{ raw: string; distinct: string; rollup: string }>(
    client,
    `SELECT
       (SELECT count() FROM learning_events WHERE tenant = {tenant:String}) AS raw,
       (SELECT uniqExact(event_id) FROM learning_events WHERE tenant = {tenant:String}) AS distinct,
       (SELECT sum(events) FROM course_daily_activity WHERE tenant = {tenant:String}) AS rollup`,
    { tenant },
  );
  return { raw: Number(row?.raw), distinct: Number(row?.distinct), rollup: Number(row?.rollup) };
}

export async function rollupByCourseDay(
  client: ClickHouseClient,
  tenant: string,
): Promise<Map<string, { events: number; learners: number }>> {
  const rows = await queryRows<{ key: string; events: string; learners: string }>(
    client,
    `SELECT concat(course_id, '|', toString(day)) AS key, sum(events) AS events, uniqMerge(learners) AS learners
     FROM course_daily_activity WHERE tenant = {tenant:String}
     GROUP BY key ORDER BY key`,
    { tenant },
  );
  return new Map(
    rows.map((r) => [r.key, { events: Number(r.events), learners: Number(r.learners) }]),
  );
}
