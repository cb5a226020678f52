import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type ClickHouseClient,
  createClickHouseClient,
  insertDeduplicated,
  runMigrations,
  toDateTime64,
} from '../src';
import { embeddedTestEnv } from './embedded-env';

function learningEventRows(tenant: string, count: number, day: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, k) => ({
    tenant,
    event_id: randomUUID(),
    source: 'xapi',
    learner_id: `learner-${k % 7}`,
    course_id: 'course-1',
    object_id: `https://example.org/activity/${k}`,
    object_type: 'activity',
    action: 'viewed',
    score_raw: null,
    score_min: null,
    score_max: null,
    score_scaled: null,
    occurred_at: toDateTime64(day + k * 1000),
    received_at: toDateTime64(day + k * 1000 + 5),
    payload: '{}',
    kafka_partition: 0,
    kafka_offset: k,
  }));
}

describe('insertDeduplicated', () => {
  const engine = embeddedTestEnv();
  let client: ClickHouseClient;
  before(async () => {
    client = createClickHouseClient(engine.env);
    await runMigrations(client, engine.env);
  });
  after(async () => {
    await client.close();
    engine.remove();
  });

  async function counts(
    tenant: string,
  ): Promise<{ raw: string; rollup: string; learners: string }> {
    const result = await client.query({
      query: `SELECT
          (SELECT count() FROM learning_events WHERE tenant = {tenant:String}) AS raw,
          (SELECT sum(events) FROM course_daily_activity WHERE tenant = {tenant:String}) AS rollup,
          (SELECT uniqMerge(learners) FROM course_daily_activity WHERE tenant = {tenant:String}) AS learners`,
      query_params: { tenant },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ raw: string; rollup: string; learners: string }>();
    assert.ok(row);
    return row;
  }

  it('counts a re-inserted batch once in the raw table and in the rollup', async () => {
    const tenant = `t-${randomUUID()}`;
    const rows = learningEventRows(tenant, 50, Date.UTC(2024, 2, 10));
    const token = `group:learning.events.v1:0:0-49`;
    await insertDeduplicated(client, { table: 'learning_events', rows, token });
    await insertDeduplicated(client, { table: 'learning_events', rows, token });
    assert.deepEqual(await counts(tenant), { raw: '50', rollup: '50', learners: '7' });
  });

  it('counts a batch spanning several months (several blocks) once when re-inserted', async () => {
    const tenant = `t-${randomUUID()}`;
    const rows = [
      ...learningEventRows(tenant, 20, Date.UTC(2024, 0, 31, 23, 59, 50)),
      ...learningEventRows(tenant, 20, Date.UTC(2024, 5, 1)),
    ];
    const token = 'group:learning.events.v1:1:100-139';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await insertDeduplicated(client, { table: 'learning_events', rows, token });
    }
    assert.deepEqual(await counts(tenant), { raw: '40', rollup: '40', learners: '7' });
  });

  it('keeps two different batches even when their rows are equal', async () => {
    const tenant = `t-${randomUUID()}`;
    const rows = learningEventRows(tenant, 10, Date.UTC(2024, 3, 1));
    await insertDeduplicated(client, { table: 'learning_events', rows, token: 'g:t:0:0-9' });
    await insertDeduplicated(client, { table: 'learning_events', rows, token: 'g:t:0:10-19' });
    assert.deepEqual(await counts(tenant), { raw: '20', rollup: '20', learners: '7' });
  });
});
