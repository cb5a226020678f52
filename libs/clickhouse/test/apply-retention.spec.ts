import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  applyRetention,
  type ClickHouseClient,
  createClickHouseClient,
  purgeExpiredKeyValueRows,
  runMigrations,
} from '../src';
import { embeddedTestEnv } from './embedded-env';

async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}

const FOREVER = {
  WAREHOUSE_RAW_RETENTION_DAYS: 0,
  WAREHOUSE_ROLLUP_RETENTION_DAYS: 0,
  WAREHOUSE_TABLE_RETENTION_DAYS: {},
};

describe('applyRetention', () => {
  const engine = embeddedTestEnv();
  const client = createClickHouseClient(engine.env);
  after(async () => {
    await client.close();
    engine.remove();
  });

  it('sets, keeps and removes table TTLs, and a TTL drops rows older than the retention', async () => {
    await runMigrations(client, engine.env);
    assert.deepEqual((await applyRetention(client, FOREVER)).changed, []);

    const settings = {
      ...FOREVER,
      WAREHOUSE_ROLLUP_RETENTION_DAYS: 400,
      WAREHOUSE_TABLE_RETENTION_DAYS: { learning_events: 30 },
    };
    const first = await applyRetention(client, settings);
    assert.deepEqual(first.changed.map((t) => t.table).sort(), [
      'course_daily_activity',
      'course_weekly_activity',
      'learner_daily_activity',
      'learning_events',
      'video_engagement',
    ]);
    assert.deepEqual(
      (await applyRetention(client, settings)).changed,
      [],
      'a restart alters nothing',
    );

    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await client.command({
      query: `INSERT INTO learning_events (tenant, event_id, source, learner_id, course_id, object_id, object_type, action, occurred_at, received_at, payload, kafka_partition, kafka_offset)
              VALUES ('t', generateUUIDv4(), 'csv', 'l', 'c', 'o', 'page', 'viewed', '2001-01-01 00:00:00', now64(3), '{}', 0, 0),
                     ('t', generateUUIDv4(), 'csv', 'l', 'c', 'o', 'page', 'viewed', '${recent} 00:00:00', now64(3), '{}', 0, 1)`,
    });
    await client.command({ query: 'OPTIMIZE TABLE learning_events FINAL' });
    await client.command({ query: 'OPTIMIZE TABLE learner_daily_activity FINAL' });
    assert.deepEqual(
      await rows(client, 'SELECT toString(toDate(occurred_at)) AS d FROM learning_events'),
      [{ d: recent }],
    );
    assert.deepEqual(await rows(client, 'SELECT toString(day) AS d FROM learner_daily_activity'), [
      { d: recent },
    ]);

    const removed = await applyRetention(client, FOREVER);
    assert.equal(removed.changed.length, 5);
    const [create] = await rows<{ q: string }>(
      client,
      "SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name = 'learning_events'",
    );
    assert.doesNotMatch(create?.q ?? '', / TTL /);
  });

  it('purges the statement bodies older than the retention of xapi_statements, and only those', async () => {
    const recent = new Date(Date.now() - 2 * 86_400_000)
      .toISOString()
      .replace('T', ' ')
      .slice(0, 19);
    const ids = ['0f8f2b52-8e4b-4c59-9a57-8a3f9e6d1c01', '0f8f2b52-8e4b-4c59-9a57-8a3f9e6d1c02'];
    await client.command({
      query: `INSERT INTO xapi_statement_bodies VALUES
              (('t', '${ids[0]}'), '2001-01-01 00:00:00', 0, NULL, '{}'),
              (('t', '${ids[1]}'), '${recent}', 0, NULL, '{}')`,
    });
    const kept = (): Promise<{ id: string }[]> =>
      rows(
        client,
        'SELECT toString(tenant_statement.statement_id) AS id FROM xapi_statement_bodies ORDER BY id',
      );
    assert.deepEqual(
      await purgeExpiredKeyValueRows(client, FOREVER),
      [],
      'forever deletes nothing',
    );
    assert.equal((await kept()).length, 2);
    const purged = await purgeExpiredKeyValueRows(client, {
      ...FOREVER,
      WAREHOUSE_RAW_RETENTION_DAYS: 30,
    });
    assert.deepEqual(
      purged.map((p) => [p.table, p.days]),
      [['xapi_statement_bodies', 30]],
    );
    assert.deepEqual(await kept(), [{ id: ids[1] }]);
    // Overridden per table like the TTLs: xapi_statements kept forever keeps its bodies.
    assert.deepEqual(
      await purgeExpiredKeyValueRows(client, {
        ...FOREVER,
        WAREHOUSE_RAW_RETENTION_DAYS: 1,
        WAREHOUSE_TABLE_RETENTION_DAYS: { xapi_statements: 0 },
      }),
      [],
    );
    assert.deepEqual(await kept(), [{ id: ids[1] }]);
  });
});
