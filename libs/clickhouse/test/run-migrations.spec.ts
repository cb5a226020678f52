import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  type ClickHouseClient,
  createClickHouseClient,
  MigrationChecksumError,
  runMigrations,
} from '../src';
import { embeddedTestEnv } from './embedded-env';

async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}

describe('runMigrations', () => {
  const engine = embeddedTestEnv();
  const client = createClickHouseClient(engine.env);
  const scratch = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  after(async () => {
    await client.close();
    engine.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('creates the warehouse tables, each table and column with a comment', async () => {
    const result = await runMigrations(client, engine.env);
    assert.deepEqual(result.applied, [
      '0001_learning_events',
      '0002_xapi_statements',
      '0003_course_daily_activity',
      '0004_sink_offsets',
      '0005_xapi_statement_store',
      '0006_xapi_attachments',
      '0007_learner_daily_activity',
      '0008_course_weekly_activity',
      '0009_activity_completion',
      '0010_assessment_scores',
      '0011_enrolment',
      '0012_video_engagement',
      '0013_risk_assessments',
      '0014_xapi_statement_keys',
      '0015_xapi_statement_pages',
      '0016_xapi_statement_bodies',
      '0017_learning_events_learner_index',
      '0018_rollup_force_merge',
      '0019_xapi_statement_keys_agent_verb',
      '0050_gdpr_audit',
    ]);
    const tables = await rows<{ name: string; comment: string }>(
      client,
      'SELECT name, comment FROM system.tables WHERE database = currentDatabase() ORDER BY name',
    );
    assert.deepEqual(
      tables.map((t) => t.name),
      [
        'activity_completion',
        'activity_completion_mv',
        'assessment_scores',
        'assessment_scores_mv',
        'course_daily_activity',
        'course_daily_activity_mv',
        'course_weekly_activity',
        'course_weekly_activity_mv',
        'enrolment_current',
        'enrolment_current_mv',
        'enrolment_history',
        'enrolment_history_mv',
        'gdpr_audit',
        'learner_daily_activity',
        'learner_daily_activity_mv',
        'learner_risk_latest',
        'learner_risk_latest_mv',
        'learning_events',
        'risk_assessments',
        'schema_migrations',
        'sink_offsets',
        'video_engagement',
        'video_engagement_mv',
        'xapi_attachments',
        'xapi_attachments_ingest',
        'xapi_attachments_mv',
        'xapi_statement_bodies',
        'xapi_statement_bodies_mv',
        'xapi_statement_keys',
        'xapi_statement_keys_mv',
        'xapi_statements',
        'xapi_voided_statements',
        'xapi_voided_statements_mv',
      ],
    );
    assert.deepEqual(
      tables.filter((t) => t.comment === ''),
      [],
    );
    const uncommented = await rows(
      client,
      "SELECT table, name FROM system.columns WHERE database = currentDatabase() AND comment = ''",
    );
    assert.deepEqual(uncommented, []);
    const learnerIndex = await rows(
      client,
      "SELECT type_full FROM system.data_skipping_indices WHERE database = currentDatabase() AND table = 'learning_events' AND name = 'idx_learner_id'",
    );
    assert.deepEqual(learnerIndex, [{ type_full: 'bloom_filter(0.01)' }]);
    // Course-level rollups are merged whole once a partition is quiet (migration 0018).
    const forceMerged = await rows<{ name: string }>(
      client,
      "SELECT name FROM system.tables WHERE database = currentDatabase() AND create_table_query LIKE '%min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1%' ORDER BY name",
    );
    assert.deepEqual(
      forceMerged.map(({ name }) => name),
      [
        'activity_completion',
        'assessment_scores',
        'course_daily_activity',
        'course_weekly_activity',
        'video_engagement',
      ],
    );
  });

  it('applies each migration once and records version, name and checksum', async () => {
    const again = await runMigrations(client, engine.env);
    assert.deepEqual(again.applied, []);
    assert.equal(again.alreadyApplied.length, 20);
    const recorded = await rows<{ version: number; name: string; checksum: string; n: string }>(
      client,
      'SELECT version, name, checksum, count() OVER (PARTITION BY version) AS n FROM schema_migrations FINAL ORDER BY version',
    );
    assert.deepEqual(
      recorded.map((r) => [r.version, r.name, r.n]),
      [
        [1, 'learning_events', '1'],
        [2, 'xapi_statements', '1'],
        [3, 'course_daily_activity', '1'],
        [4, 'sink_offsets', '1'],
        [5, 'xapi_statement_store', '1'],
        [6, 'xapi_attachments', '1'],
        [7, 'learner_daily_activity', '1'],
        [8, 'course_weekly_activity', '1'],
        [9, 'activity_completion', '1'],
        [10, 'assessment_scores', '1'],
        [11, 'enrolment', '1'],
        [12, 'video_engagement', '1'],
        [13, 'risk_assessments', '1'],
        [14, 'xapi_statement_keys', '1'],
        [15, 'xapi_statement_pages', '1'],
        [16, 'xapi_statement_bodies', '1'],
        [17, 'learning_events_learner_index', '1'],
        [18, 'rollup_force_merge', '1'],
        [19, 'xapi_statement_keys_agent_verb', '1'],
        [50, 'gdpr_audit', '1'],
      ],
    );
    for (const r of recorded) assert.match(r.checksum, /^[0-9a-f]{64}$/);
  });

  it('applies only the new files of a folder, in order, and several statements per file', async () => {
    const env = { ...engine.env, CLICKHOUSE_DATABASE: 'lp_scratch' };
    const scratchClient = createClickHouseClient(env);
    try {
      writeFileSync(
        path.join(scratch, '0001_first.sql'),
        "CREATE TABLE IF NOT EXISTS a (x UInt8 COMMENT 'x') ENGINE = MergeTree ORDER BY x COMMENT 'a'\n;\nINSERT INTO a VALUES (1)\n;\n",
      );
      assert.deepEqual((await runMigrations(scratchClient, env, { directory: scratch })).applied, [
        '0001_first',
      ]);
      writeFileSync(
        path.join(scratch, '0002_second.sql'),
        'INSERT INTO a VALUES (2);\nINSERT INTO a VALUES (3);',
      );
      const second = await runMigrations(scratchClient, env, { directory: scratch });
      assert.deepEqual(second.applied, ['0002_second']);
      assert.deepEqual(second.alreadyApplied, ['0001_first']);
      assert.deepEqual(
        await rows(scratchClient, 'SELECT groupArray(x) AS xs FROM (SELECT x FROM a ORDER BY x)'),
        [{ xs: [1, 2, 3] }],
      );
    } finally {
      await scratchClient.close();
    }
  });

  it('refuses to run when an applied migration file was changed', async () => {
    const env = { ...engine.env, CLICKHOUSE_DATABASE: 'lp_scratch' };
    const scratchClient = createClickHouseClient(env);
    try {
      writeFileSync(path.join(scratch, '0002_second.sql'), 'INSERT INTO a VALUES (20);');
      writeFileSync(path.join(scratch, '0003_third.sql'), 'INSERT INTO a VALUES (30);');
      await assert.rejects(
        runMigrations(scratchClient, env, { directory: scratch }),
        (error: unknown) =>
          error instanceof MigrationChecksumError &&
          error.version === 2 &&
          /changed after it was applied/.test(error.message),
      );
      // Nothing of the run was applied, not even the new file after the changed one.
      assert.deepEqual(await rows(scratchClient, 'SELECT count() AS n FROM a'), [{ n: '3' }]);
    } finally {
      await scratchClient.close();
    }
  });

  it('is safe when two runners start at the same time', async () => {
    const env = { ...engine.env, CLICKHOUSE_DATABASE: 'lp_race' };
    const a = createClickHouseClient(env);
    const b = createClickHouseClient(env);
    try {
      await Promise.all([runMigrations(a, env), runMigrations(b, env)]);
      const versions = await rows<{ version: number }>(
        a,
        'SELECT version FROM schema_migrations FINAL ORDER BY version',
      );
      assert.deepEqual(
        versions.map((v) => v.version),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 50],
      );
      assert.deepEqual((await runMigrations(a, env)).applied, []);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
