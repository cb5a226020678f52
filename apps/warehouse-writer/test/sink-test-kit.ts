/** Helpers of the sink's integration specs: environments, events, producing, waiting for the group. */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { type Environment, loadConfig } from '@learnpulse/config';
import {
  type LearningAction,
  type LearningEvent,
  learningEventCodec,
  type RiskAssessment,
  riskAssessmentCodec,
} from '@learnpulse/events';
import { createKafka, fetchSettledTopicOffsets } from '@learnpulse/kafka';
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

const ACTIONS: LearningAction[] = [
  'viewed',
  'attempted',
  'submitted',
  'scored',
  'completed',
  'enrolled',
  'played_video',
  'paused_video',
  'passed',
  'unenrolled',
  'failed',
];
const DAY_MS = 24 * 60 * 60 * 1000;

/** `count` events of one tenant over 3 courses, 4 days (2 weeks), 25 learners, every action and some videos. */
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
    objectType: k % 40 < 8 ? 'video' : 'http://adlnet.gov/expapi/activities/lesson',
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
  const offsets = await fetchSettledTopicOffsets(admin, topic);
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
  timeoutMs = 300_000,
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

/** `count` risk assessments of one tenant over 10 learners and 2 courses, as_of one hour apart. */
export function riskAssessments(tenant: string, count: number): RiskAssessment[] {
  const start = Date.UTC(2025, 1, 3, 8);
  return Array.from({ length: count }, (_, k) => ({
    assessmentId: randomUUID(),
    tenant,
    learnerId: `learner-${k % 10}`,
    courseId: `course-${k % 2}`,
    score: (k % 10) / 10,
    level: k % 3 === 0 ? 'high' : k % 3 === 1 ? 'medium' : 'low',
    previousLevel: k < 20 ? null : 'low',
    reasons: [
      {
        detector: 'inactivity',
        text: `no activity for ${k % 9} days`,
        weight: 0.6,
        evidence: { daysInactive: k % 9 },
      },
    ],
    modelVersion: 'risk-test-v1',
    asOf: start + k * 3_600_000,
    lastActivityAt: k % 4 === 0 ? null : start + k * 3_600_000 - 86_400_000,
  }));
}

export function encodeRisk(
  assessments: readonly RiskAssessment[],
): { key: string; value: Buffer }[] {
  return assessments.map((assessment) => ({
    key: `${assessment.tenant}:${assessment.learnerId}`,
    value: riskAssessmentCodec.encode(assessment),
  }));
}

/**
 * Each rollup read the documented way (-Merge, FINAL), next to the same aggregate computed
 * from the raw table, both ordered by key. Floats are rounded (sums in another order).
 */
const ROLLUP_CHECKS: { table: string; rollup: string; raw: string }[] = [
  {
    table: 'course_daily_activity',
    rollup: `SELECT course_id, day, sum(events) AS events, uniqMerge(learners) AS learners
             FROM course_daily_activity WHERE tenant = {tenant:String} GROUP BY course_id, day ORDER BY course_id, day`,
    raw: `SELECT course_id, toDate(occurred_at) AS day, count() AS events, uniq(learner_id) AS learners
          FROM learning_events WHERE tenant = {tenant:String} GROUP BY course_id, day ORDER BY course_id, day`,
  },
  {
    table: 'learner_daily_activity',
    rollup: `SELECT course_id, learner_id, day, sum(events) AS events, sumMap(actions) AS actions,
               min(first_occurred_at) AS first, max(last_occurred_at) AS last, sum(scores) AS scores,
               round(sum(score_sum), 6) AS score_sum
             FROM learner_daily_activity WHERE tenant = {tenant:String}
             GROUP BY course_id, learner_id, day ORDER BY course_id, learner_id, day`,
    raw: `SELECT course_id, learner_id, toDate(occurred_at) AS day, count() AS events,
            CAST(sumMap([toString(action)], [toUInt64(1)]), 'Map(String, UInt64)') AS actions,
            min(occurred_at) AS first, max(occurred_at) AS last, count(score_scaled) AS scores,
            round(sum(ifNull(score_scaled, 0)), 6) AS score_sum
          FROM learning_events WHERE tenant = {tenant:String}
          GROUP BY course_id, learner_id, day ORDER BY course_id, learner_id, day`,
  },
  {
    table: 'course_weekly_activity',
    rollup: `SELECT course_id, week, sum(events) AS events, uniqMerge(learners) AS learners
             FROM course_weekly_activity WHERE tenant = {tenant:String} GROUP BY course_id, week ORDER BY course_id, week`,
    raw: `SELECT course_id, toMonday(occurred_at) AS week, count() AS events, uniq(learner_id) AS learners
          FROM learning_events WHERE tenant = {tenant:String} GROUP BY course_id, week ORDER BY course_id, week`,
  },
  {
    table: 'activity_completion',
    rollup: `SELECT course_id, object_id, sum(events) AS events, uniqMerge(learners) AS learners,
               uniqMerge(completers) AS completers, uniqMerge(passers) AS passers,
               uniqMerge(failers) AS failers, max(last_occurred_at) AS last
             FROM activity_completion WHERE tenant = {tenant:String}
             GROUP BY course_id, object_id ORDER BY course_id, object_id`,
    raw: `SELECT course_id, object_id, count() AS events, uniq(learner_id) AS learners,
            uniqIf(learner_id, action IN ('completed', 'passed')) AS completers,
            uniqIf(learner_id, action = 'passed') AS passers,
            uniqIf(learner_id, action = 'failed') AS failers, max(occurred_at) AS last
          FROM learning_events
          WHERE tenant = {tenant:String} AND object_id != '' AND action NOT IN ('enrolled', 'unenrolled', 'logged_in')
          GROUP BY course_id, object_id ORDER BY course_id, object_id`,
  },
  {
    table: 'assessment_scores',
    rollup: `SELECT course_id, object_id, sum(scores) AS scores, round(sum(score_sum), 6) AS score_sum,
               min(score_min) AS low, max(score_max) AS high, sumMap(histogram) AS histogram,
               uniqMerge(learners) AS learners
             FROM assessment_scores WHERE tenant = {tenant:String}
             GROUP BY course_id, object_id ORDER BY course_id, object_id`,
    raw: `SELECT course_id, object_id, count() AS scores, round(sum(score_scaled), 6) AS score_sum,
            min(score_scaled) AS low, max(score_scaled) AS high,
            CAST(sumMap([toUInt8(least(9, greatest(0, floor(score_scaled * 10))))], [toUInt64(1)]), 'Map(UInt8, UInt64)') AS histogram,
            uniq(learner_id) AS learners
          FROM learning_events WHERE tenant = {tenant:String} AND score_scaled IS NOT NULL
          GROUP BY course_id, object_id ORDER BY course_id, object_id`,
  },
  {
    table: 'enrolment_history',
    rollup: `SELECT course_id, learner_id, action, occurred_at, event_id
             FROM enrolment_history WHERE tenant = {tenant:String} ORDER BY event_id`,
    raw: `SELECT course_id, learner_id, toString(action) AS action, occurred_at, event_id
          FROM learning_events WHERE tenant = {tenant:String} AND action IN ('enrolled', 'unenrolled') ORDER BY event_id`,
  },
  {
    table: 'enrolment_current',
    rollup: `SELECT course_id, learner_id, status, occurred_at AS latest
             FROM enrolment_current FINAL WHERE tenant = {tenant:String} ORDER BY course_id, learner_id`,
    raw: `SELECT course_id, learner_id, toString(argMax(action, occurred_at)) AS status, max(occurred_at) AS latest
          FROM learning_events WHERE tenant = {tenant:String} AND action IN ('enrolled', 'unenrolled')
          GROUP BY course_id, learner_id ORDER BY course_id, learner_id`,
  },
  {
    table: 'video_engagement',
    rollup: `SELECT course_id, object_id, day, sum(events) AS events, sum(plays) AS plays,
               sum(pauses) AS pauses, sum(completions) AS completions, uniqMerge(viewers) AS viewers
             FROM video_engagement WHERE tenant = {tenant:String}
             GROUP BY course_id, object_id, day ORDER BY course_id, object_id, day`,
    raw: `SELECT course_id, object_id, toDate(occurred_at) AS day, count() AS events,
            countIf(action = 'played_video') AS plays, countIf(action = 'paused_video') AS pauses,
            countIf(action = 'completed') AS completions, uniq(learner_id) AS viewers
          FROM learning_events
          WHERE tenant = {tenant:String} AND (action IN ('played_video', 'paused_video') OR positionCaseInsensitive(object_type, 'video') > 0)
          GROUP BY course_id, object_id, day ORDER BY course_id, object_id, day`,
  },
  {
    table: 'learner_risk_latest',
    rollup: `SELECT course_id, learner_id, assessment_id, score, level, as_of AS latest
             FROM learner_risk_latest FINAL WHERE tenant = {tenant:String} ORDER BY course_id, learner_id`,
    raw: `SELECT course_id, learner_id, argMax(assessment_id, as_of) AS assessment_id,
            argMax(score, as_of) AS score, argMax(level, as_of) AS level, max(as_of) AS latest
          FROM risk_assessments WHERE tenant = {tenant:String}
          GROUP BY course_id, learner_id ORDER BY course_id, learner_id`,
  },
];

/**
 * t-digest quantiles are approximate: on a few dozen scores in steps of 0.1 they may land on
 * a neighbouring value of the exact one.
 */
const QUANTILE_TOLERANCE = 0.15;

export interface RollupMismatch {
  table: string;
  rollup: unknown[];
  raw: unknown[];
}

/** Rollups that differ from the aggregate of the raw rows of `tenant` (empty when all agree). */
export async function rollupMismatches(
  client: ClickHouseClient,
  tenant: string,
): Promise<RollupMismatch[]> {
  const mismatches: RollupMismatch[] = [];
  for (const check of ROLLUP_CHECKS) {
    const rollup = await queryRows(client, check.rollup, { tenant });
    const raw = await queryRows(client, check.raw, { tenant });
    if (JSON.stringify(rollup) !== JSON.stringify(raw)) {
      mismatches.push({ table: check.table, rollup, raw });
    }
  }
  const quantiles = await queryRows<{ key: string; digest: number[]; exact: number[] }>(
    client,
    `SELECT r.key AS key, r.digest AS digest, e.exact AS exact
     FROM (SELECT concat(course_id, '|', object_id) AS key, quantilesTDigestMerge(0.1, 0.5, 0.9)(score_quantiles) AS digest
           FROM assessment_scores WHERE tenant = {tenant:String} GROUP BY key) AS r
     FULL JOIN (SELECT concat(course_id, '|', object_id) AS key, quantilesExact(0.1, 0.5, 0.9)(score_scaled) AS exact
           FROM learning_events WHERE tenant = {tenant:String} AND score_scaled IS NOT NULL GROUP BY key) AS e
     ON r.key = e.key ORDER BY key`,
    { tenant },
  );
  const off = quantiles.filter(
    (q) =>
      q.digest.length !== q.exact.length ||
      q.digest.some(
        (value, k) => Math.abs(value - (q.exact[k] ?? Number.NaN)) > QUANTILE_TOLERANCE,
      ),
  );
  if (off.length > 0)
    mismatches.push({ table: 'assessment_scores (quantiles)', rollup: off, raw: [] });
  return mismatches;
}

/** Row counts of every table of `tenant` that the sink feeds, raw and rollup, to compare before and after. */
export async function tableSnapshot(
  client: ClickHouseClient,
  tenant: string,
): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {
    learning_events: await queryRows(
      client,
      'SELECT count() AS n, uniqExact(event_id) AS ids FROM learning_events WHERE tenant = {tenant:String}',
      { tenant },
    ),
    risk_assessments: await queryRows(
      client,
      'SELECT count() AS n, uniqExact(assessment_id) AS ids FROM risk_assessments WHERE tenant = {tenant:String}',
      { tenant },
    ),
  };
  for (const check of ROLLUP_CHECKS) {
    snapshot[check.table] = await queryRows(client, check.rollup, { tenant });
  }
  return snapshot;
}
