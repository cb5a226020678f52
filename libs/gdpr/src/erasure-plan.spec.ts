import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErasurePlanError, planErasure } from './erasure-plan';
import { type CatalogueTable, viewTarget, type WarehouseCatalogue } from './warehouse-catalogue';

function table(
  name: string,
  columns: string[],
  extra: Partial<CatalogueTable> = {},
): CatalogueTable {
  return {
    name,
    engine: 'MergeTree',
    sortingKey: [],
    columns: columns.map((column) => ({ name: column, type: 'String' })),
    views: [],
    asSelect: '',
    target: undefined,
    ...extra,
  };
}

const RAW = table('events', ['tenant', 'learner_id', 'course_id'], {
  views: ['daily_mv', 'per_learner_mv'],
});
const DAILY = table('daily', ['tenant', 'course_id', 'learners'], {
  engine: 'AggregatingMergeTree',
  sortingKey: ['tenant', 'course_id'],
});
const DAILY_MV = table('daily_mv', ['tenant', 'course_id', 'learners'], {
  engine: 'MaterializedView',
  asSelect:
    'SELECT tenant, course_id, uniqState(learner_id) AS learners FROM db.events GROUP BY tenant, course_id',
  target: 'daily',
});
const PER_LEARNER = table('per_learner', ['tenant', 'learner_id', 'n'], {
  engine: 'SummingMergeTree',
  sortingKey: ['tenant', 'learner_id'],
});
const PER_LEARNER_MV = table('per_learner_mv', ['tenant', 'learner_id', 'n'], {
  engine: 'MaterializedView',
  asSelect: 'SELECT tenant, learner_id, count() AS n FROM db.events GROUP BY tenant, learner_id',
  target: 'per_learner',
});
const AUDIT = table('audit', ['tenant', 'subject']);
const INGEST = table('ingest', ['tenant', 'x'], { engine: 'Null' });

const catalogue = (tables: CatalogueTable[]): WarehouseCatalogue => ({ database: 'db', tables });

describe('planErasure', () => {
  it('deletes from tables with tenant and learner_id and recomputes rollups without a learner column', () => {
    const plan = planErasure(
      catalogue([RAW, DAILY, DAILY_MV, PER_LEARNER, PER_LEARNER_MV, AUDIT, INGEST]),
    );
    assert.deepEqual(plan.learnerTables, ['events', 'per_learner']);
    assert.deepEqual(
      plan.recomputes.map(({ view, source, target, keys, columns }) => ({
        view,
        source,
        target,
        keys,
        columns,
      })),
      [
        {
          view: 'daily_mv',
          source: 'events',
          target: 'daily',
          keys: ['tenant', 'course_id'],
          columns: ['tenant', 'course_id', 'learners'],
        },
      ],
    );
    assert.equal(plan.statementStore, false);
  });

  it('runs the view’s own SELECT over the filtered source rows', () => {
    const [recompute] = planErasure(catalogue([RAW, DAILY, DAILY_MV])).recomputes;
    assert.equal(
      recompute?.selectOver('tenant = {tenant:String}'),
      'SELECT tenant, course_id, uniqState(learner_id) AS learners FROM (SELECT * FROM `db`.`events` WHERE tenant = {tenant:String}) AS `events` GROUP BY tenant, course_id',
    );
  });

  it('refuses a rollup whose key is not a view column, that feeds another view, or reads its source twice', () => {
    const badKey = { ...DAILY, sortingKey: ['tenant', 'toMonday(day)'] };
    assert.throws(
      () => planErasure(catalogue([RAW, badKey, DAILY_MV])),
      (e: unknown) =>
        e instanceof ErasurePlanError && /sorting key part "toMonday\(day\)"/.test(e.message),
    );
    const chained = { ...DAILY, views: ['weekly_mv'] };
    assert.throws(
      () => planErasure(catalogue([RAW, chained, DAILY_MV])),
      /feeds further views \(weekly_mv\)/,
    );
    const twice = {
      ...DAILY_MV,
      asSelect: `${DAILY_MV.asSelect} UNION ALL SELECT tenant, course_id, uniqState('') FROM db.events GROUP BY tenant, course_id`,
    };
    assert.throws(() => planErasure(catalogue([RAW, DAILY, twice])), /reads events 2 times/);
    assert.throws(() => planErasure(catalogue([RAW, DAILY_MV])), /target table is not in db/);
  });
});

describe('viewTarget', () => {
  it('reads the TO table of a materialized view in the same database', () => {
    assert.equal(
      viewTarget('CREATE MATERIALIZED VIEW db.v TO db.t (`a` String) AS SELECT 1', 'db'),
      't',
    );
    assert.equal(
      viewTarget('CREATE MATERIALIZED VIEW db.v TO other.t (`a` String) AS SELECT 1', 'db'),
      undefined,
    );
    assert.equal(viewTarget('CREATE VIEW db.v AS SELECT 1', 'db'), undefined);
  });
});
