import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currentTtl,
  RetentionConfigError,
  retentionPlan,
  retentionStatement,
} from './table-retention';

const FOREVER = {
  WAREHOUSE_RAW_RETENTION_DAYS: 0,
  WAREHOUSE_ROLLUP_RETENTION_DAYS: 0,
  WAREHOUSE_TABLE_RETENTION_DAYS: {},
};

describe('table retention', () => {
  it('keeps every table forever by default', () => {
    assert.deepEqual(
      retentionPlan(FOREVER).filter((t) => t.ttl !== null),
      [],
    );
  });

  it('gives raw and rollup tables their defaults, keyed tables only when named, overrides first', () => {
    const plan = retentionPlan({
      WAREHOUSE_RAW_RETENTION_DAYS: 365,
      WAREHOUSE_ROLLUP_RETENTION_DAYS: 730,
      WAREHOUSE_TABLE_RETENTION_DAYS: { xapi_statements: 0, learner_risk_latest: 90 },
    });
    const byTable = new Map(plan.map((t) => [t.table, t.ttl]));
    assert.equal(byTable.get('learning_events'), 'toDateTime(occurred_at) + toIntervalDay(365)');
    assert.equal(byTable.get('xapi_statements'), null);
    assert.equal(byTable.get('xapi_statement_keys'), 'toDateTime(stored) + toIntervalDay(365)');
    assert.equal(byTable.get('course_weekly_activity'), 'toDateTime(week) + toIntervalDay(730)');
    assert.equal(byTable.get('enrolment_current'), null);
    assert.equal(byTable.get('learner_risk_latest'), 'toDateTime(as_of) + toIntervalDay(90)');
  });

  it('refuses a per-table setting for a table without a TTL column', () => {
    assert.throws(
      () =>
        retentionPlan({ ...FOREVER, WAREHOUSE_TABLE_RETENTION_DAYS: { assessment_scores: 10 } }),
      (error: unknown) =>
        error instanceof RetentionConfigError && /assessment_scores/.test(error.message),
    );
  });

  it('reads the TTL of a create_table_query and alters only what differs', () => {
    const create =
      "CREATE TABLE x (`day` Date COMMENT 'TTL day') ENGINE = AggregatingMergeTree ORDER BY day " +
      'TTL toDateTime(day) + toIntervalDay(30) SETTINGS index_granularity = 8192';
    assert.equal(currentTtl(create), 'toDateTime(day) + toIntervalDay(30)');
    assert.equal(
      currentTtl(
        'CREATE TABLE x (a UInt8) ENGINE = MergeTree ORDER BY a SETTINGS index_granularity = 8192',
      ),
      null,
    );
    const planned = { table: 'x', days: 30, ttl: 'toDateTime(day) + toIntervalDay(30)' };
    assert.equal(retentionStatement(planned, planned.ttl), null);
    assert.equal(
      retentionStatement(
        { ...planned, days: 7, ttl: 'toDateTime(day) + toIntervalDay(7)' },
        planned.ttl,
      ),
      'ALTER TABLE x MODIFY TTL toDateTime(day) + toIntervalDay(7)',
    );
    assert.equal(
      retentionStatement({ table: 'x', days: 0, ttl: null }, planned.ttl),
      'ALTER TABLE x REMOVE TTL',
    );
    assert.equal(retentionStatement({ table: 'x', days: 0, ttl: null }, null), null);
  });
});
