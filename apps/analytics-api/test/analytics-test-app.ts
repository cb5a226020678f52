/**
 * Starts analytics-api for a spec: real embedded ClickHouse in a fresh temp folder, two
 * tenants with their own credentials, a free port; and writes LearningEvents the way
 * warehouse-writer does (rows into learning_events, which the view rolls up).
 */
import { basicAuthHeader, hashSecret } from '@learnpulse/auth';
import { CLICKHOUSE, toDateTime64, type ClickHouseClient } from '@learnpulse/clickhouse';
import { loadConfig, type Environment } from '@learnpulse/config';
import type { LearningEvent } from '@learnpulse/events';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@learnpulse/testing';
import { bootstrapAnalyticsApi } from '../src';

export interface TestTenant {
  tenant: string;
  key: string;
  secret: string;
  /** Authorization header value. */
  authorization: string;
}

export interface AnalyticsTestApp {
  app: INestApplication;
  env: Environment;
  baseUrl: string;
  clickhouse: ClickHouseClient;
  tenants: [TestTenant, TestTenant];
  /** A second credential of the first tenant holding only `statements/write` (an LMS's). */
  writeOnly: TestTenant;
  insertEvents(events: LearningEvent[]): Promise<void>;
  close(): Promise<void>;
}

async function makeTenant(
  label: string,
  of?: { tenant: string; scopes: string },
): Promise<TestTenant & { credential: string }> {
  const suffix = randomUUID().slice(0, 8);
  const tenant = of?.tenant ?? `${label}-${suffix}`;
  const key = `key-${label}-${suffix}`;
  const secret = `secret-${randomUUID()}`;
  return {
    tenant,
    key,
    secret,
    authorization: basicAuthHeader(key, secret),
    credential: `${tenant}:${key}:${await hashSecret(secret)}${of === undefined ? '' : `:${of.scopes}`}`,
  };
}

export async function startAnalyticsTestApp(
  extraEnv: Record<string, string> = {},
): Promise<AnalyticsTestApp> {
  const dataPath = mkdtempSync(path.join(tmpdir(), 'learnpulse-analytics-'));
  const [a, b] = await Promise.all([makeTenant('uni-a'), makeTenant('uni-b')]);
  const writeOnly = await makeTenant('lms-a', { tenant: a.tenant, scopes: 'statements/write' });
  const env = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CHDB_PATH: dataPath,
    ANALYTICS_API_PORT: String(await freePort()),
    TENANT_CREDENTIALS: `${a.credential},${b.credential},${writeOnly.credential}`,
    ...extraEnv,
  });
  const app = await bootstrapAnalyticsApi(env);
  const clickhouse = app.get<typeof CLICKHOUSE, ClickHouseClient>(CLICKHOUSE);
  let offset = 0;
  return {
    app,
    env,
    baseUrl: `http://${env.HTTP_HOST}:${String(env.ANALYTICS_API_PORT)}`,
    clickhouse,
    tenants: [a, b],
    writeOnly,
    async insertEvents(events) {
      await clickhouse.insert({
        table: 'learning_events',
        format: 'JSONEachRow',
        values: events.map((event) => ({
          tenant: event.tenant,
          event_id: event.eventId,
          source: event.source,
          learner_id: event.learnerId,
          course_id: event.courseId ?? '',
          object_id: event.objectId,
          object_type: event.objectType,
          action: event.action,
          score_raw: event.score?.raw ?? null,
          score_min: event.score?.min ?? null,
          score_max: event.score?.max ?? null,
          score_scaled: event.score?.scaled ?? null,
          occurred_at: toDateTime64(event.occurredAt),
          received_at: toDateTime64(event.receivedAt),
          payload: event.payload,
          kafka_partition: 0,
          kafka_offset: offset++,
        })),
      });
    },
    async close() {
      await app.close();
      rmSync(dataPath, { recursive: true, force: true });
    },
  };
}

/** A LearningEvent of a learner in a course at an ISO time. */
export function learningEvent(
  tenant: string,
  courseId: string | null,
  learnerId: string,
  occurredAt: string,
): LearningEvent {
  const time = Date.parse(occurredAt);
  return {
    eventId: randomUUID(),
    tenant,
    source: 'xapi',
    learnerId,
    learnerAnonymous: false,
    courseId,
    objectId: `${courseId ?? 'https://lms.example.edu'}/module/1/page/1`,
    objectType: 'page',
    action: 'viewed',
    score: null,
    occurredAt: time,
    receivedAt: time + 1_000,
    payload: '{}',
  };
}
