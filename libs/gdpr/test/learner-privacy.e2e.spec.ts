/**
 * Erase and export against the real warehouse schema (every migration, embedded ClickHouse)
 * plus two rollups this spec adds on the fly, and the real Kafka broker for the tombstones.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ClickHouseClient,
  createClickHouseClient,
  runMigrations,
} from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { decodeErasureNotice } from '@learnpulse/events';
import {
  createKafka,
  ensureTopics,
  ReliableProducer,
  TOPIC_SPECS,
  TOPICS,
} from '@learnpulse/kafka';
import { createLogger } from '@learnpulse/observability';
import { endOffsets, readBetween, testEnvironment, uniqueName } from '@learnpulse/testing';
import { type Kafka } from 'kafkajs';
import { planErasure } from '../src/erasure-plan';
import { type LearnerExport } from '../src/learner-export';
import { type ErasureReport, LearnerPrivacy } from '../src/learner-privacy.service';
import { LEARNER_STATE_TOPICS, LEARNER_VALUE_TOPICS } from '../src/learner-tombstones';
import { learnerIdsOf } from '../src/learner-subject';
import { readCatalogue } from '../src/warehouse-catalogue';
import { EMAIL, type Fixture, KEY, MBOX, writeFixture } from './gdpr-fixture';
import {
  rebuiltFromRaw,
  sameValues,
  snapshot,
  tablesMentioning,
  tenantIs,
} from './warehouse-probe';

/** Rollups no code knows of: erase must find them from the schema alone. */
const SPEC_ROLLUPS = [
  `CREATE TABLE spec_object_learners (tenant LowCardinality(String), object_id String,
     learners AggregateFunction(uniq, String), events SimpleAggregateFunction(sum, UInt64))
   ENGINE = AggregatingMergeTree ORDER BY (tenant, object_id)`,
  `CREATE MATERIALIZED VIEW spec_object_learners_mv TO spec_object_learners
   (tenant LowCardinality(String), object_id String, learners AggregateFunction(uniq, String), events UInt64)
   AS SELECT tenant, object_id, uniqState(learner_id) AS learners, toUInt64(count()) AS events
   FROM learning_events GROUP BY tenant, object_id`,
  `CREATE TABLE spec_learner_sources (tenant LowCardinality(String), learner_id String,
     source LowCardinality(String), events SimpleAggregateFunction(sum, UInt64))
   ENGINE = AggregatingMergeTree ORDER BY (tenant, learner_id, source)`,
  `CREATE MATERIALIZED VIEW spec_learner_sources_mv TO spec_learner_sources
   (tenant LowCardinality(String), learner_id String, source LowCardinality(String), events UInt64)
   AS SELECT tenant, learner_id, source, toUInt64(count()) AS events
   FROM learning_events GROUP BY tenant, learner_id, source`,
];

describe('learner erase and export (embedded ClickHouse, real Kafka)', () => {
  let env: Environment;
  let client: ClickHouseClient;
  let kafka: Kafka;
  let privacy: LearnerPrivacy;
  let fixture: Fixture;
  const requester = { by: 'spec-operator', via: 'cli' as const };

  before(async () => {
    env = await testEnvironment({ LEARNER_PSEUDONYM_KEY: KEY });
    client = createClickHouseClient(env);
    await runMigrations(client, env);
    for (const query of SPEC_ROLLUPS) await client.command({ query });
    kafka = createKafka(env, 'gdpr-spec');
    await ensureTopics(kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: TOPIC_SPECS.filter(
        (t) =>
          LEARNER_STATE_TOPICS.includes(t) ||
          LEARNER_VALUE_TOPICS.includes(t) ||
          t.name === TOPICS.learnerErasures,
      ),
    });
    fixture = await writeFixture(
      client,
      uniqueName('a').toLowerCase(),
      uniqueName('b').toLowerCase(),
    );
    privacy = new LearnerPrivacy({
      clickhouse: client,
      kafka,
      pseudonymKey: KEY,
      logger: createLogger({ ...env, LOG_LEVEL: 'warn' }, 'gdpr-spec'),
    });
  });

  after(async () => {
    await client.close();
  });

  it('finds every learner table and mixed rollup from the schema, the spec rollups included', async () => {
    const plan = planErasure(await readCatalogue(client));
    for (const table of [
      'learning_events',
      'learner_daily_activity',
      'enrolment_current',
      'risk_assessments',
      'learner_risk_latest',
      'spec_learner_sources',
    ]) {
      assert.ok(plan.learnerTables.includes(table), table);
    }
    const recomputed = plan.recomputes.map((r) => r.target).sort();
    for (const table of [
      'course_daily_activity',
      'course_weekly_activity',
      'activity_completion',
      'assessment_scores',
      'video_engagement',
      'xapi_voided_statements',
      'spec_object_learners',
    ]) {
      assert.ok(recomputed.includes(table), table);
    }
    assert.ok(!plan.learnerTables.includes('gdpr_audit'));
  });

  it('resolves a pseudonym to the actor of its statements', async () => {
    const subject = await privacy.resolve(fixture.tenantA, fixture.pseudonym);
    assert.deepEqual(subject.identities, [MBOX]);
    assert.deepEqual(subject.pseudonyms, [fixture.pseudonym]);
  });

  let exported: LearnerExport;
  it('exports the learner’s rows of every learner table, statements and attachments, nothing of others', async () => {
    const { auditId, document } = await privacy.export(
      fixture.tenantA,
      `mailto:${EMAIL}`,
      requester,
    );
    exported = document;
    assert.equal(document.tenant, fixture.tenantA);
    const events = document.tables.learning_events ?? [];
    // 3 days x (video + quiz) + C2 completion + enrolment + 3 statement events + 1 legacy row.
    assert.equal(events.length, 12);
    for (const [table, rows] of Object.entries(document.tables)) {
      for (const row of rows) {
        assert.equal(row.tenant, fixture.tenantA, table);
        assert.ok(
          [fixture.pseudonym, MBOX].includes(String(row.learner_id)),
          `${table}: ${String(row.learner_id)}`,
        );
      }
    }
    assert.ok((document.tables.learner_daily_activity ?? []).length > 0);
    assert.equal((document.tables.risk_assessments ?? []).length, 1);
    assert.equal((document.tables.spec_learner_sources ?? []).length, 1 + 1); // pseudonym and legacy id
    const ids = document.statements.map((s) => (s as { id: string }).id).sort();
    assert.deepEqual(ids, [...fixture.learnerStatements].sort());
    assert.deepEqual(
      document.attachments.map((a) => a.sha2).sort(),
      [fixture.ownAttachment, fixture.sharedAttachment].sort(),
    );
    assert.equal(
      Buffer.from(
        document.attachments.find((a) => a.sha2 === fixture.ownAttachment)?.contentBase64 ?? '',
        'base64',
      ).toString(),
      'own!',
    );
    const audit = await auditRow(auditId);
    assert.equal(audit.action, 'export');
    assert.equal((audit.row_counts as Record<string, string>).learning_events, '12');
  });

  async function auditRow(auditId: string): Promise<Record<string, unknown>> {
    const rows = await (
      await client.query({
        query: 'SELECT * FROM gdpr_audit WHERE audit_id = {id:UUID}',
        query_params: { id: auditId },
        format: 'JSONEachRow',
      })
    ).json<Record<string, unknown>>();
    assert.equal(rows.length, 1);
    return rows[0] ?? {};
  }

  let report: ErasureReport;
  let tenantBBefore: Record<string, Record<string, unknown>[]>;
  let othersBefore: Record<string, Record<string, unknown>[]>;
  let ids: string[] = [];
  const OTHERS = 'NOT (tenant = {a:String} AND learner_id IN {ids:Array(String)})';

  it('erases: nothing of the learner remains in any table of tenant A', async () => {
    const plan = planErasure(await readCatalogue(client));
    ids = learnerIdsOf(await privacy.resolve(fixture.tenantA, `mailto:${EMAIL}`));
    // mailto: names the mbox and its SHA-1 form, each with its pseudonym; the legacy raw id too.
    assert.equal(ids.length, 4);
    assert.ok(ids.includes(fixture.pseudonym) && ids.includes(MBOX));
    tenantBBefore = {};
    for (const table of [
      ...plan.learnerTables,
      ...plan.recomputes.map((r) => r.target),
      'xapi_statements',
      'xapi_attachments',
    ]) {
      tenantBBefore[table] = await snapshot(client, table, await tenantIs(client, table, 'b'), {
        b: fixture.tenantB,
      });
    }
    othersBefore = {};
    for (const table of plan.learnerTables) {
      othersBefore[table] = await snapshot(client, table, OTHERS, { a: fixture.tenantA, ids });
    }
    const needles = [EMAIL, fixture.pseudonym, ...fixture.learnerStatements, fixture.ownAttachment];
    const before = await tablesMentioning(client, fixture.tenantA, needles, ['gdpr_audit']);
    assert.ok(Object.keys(before).length >= 8, JSON.stringify(before));
    // The key-value copy of the statements is searched too.
    assert.ok((before.xapi_statement_bodies ?? 0) > 0, JSON.stringify(before));

    const watched = [
      ...LEARNER_STATE_TOPICS.map((t) => t.name),
      ...LEARNER_VALUE_TOPICS.map((t) => t.name),
      TOPICS.learnerErasures,
    ];
    const from = new Map(
      await Promise.all(watched.map(async (t) => [t, await endOffsets(kafka, t)] as const)),
    );
    // Alert memory names the learner in its value under a key derived from learner and course.
    const alertMemory = (learnerId: string): string =>
      JSON.stringify({
        subscriptionId: 'spec-sub',
        tenant: fixture.tenantA,
        learnerId,
        courseId: 'https://lms.uni.example/course/C1',
        lastHandledAssessmentId: 'a-1',
        lastHandledAsOf: 1,
        lastDelivered: null,
      });
    const alertKeys = {
      learner: `spec-sub:${fixture.tenantA}:k-learner`,
      other: `spec-sub:${fixture.tenantA}:k-other`,
    };
    // State the way a service keeps it (the shared producer), to be tombstoned in its partition.
    const producer = await ReliableProducer.connect(kafka, createLogger(env, 'gdpr-spec'));
    try {
      await producer.send([
        ...LEARNER_STATE_TOPICS.map((t) => ({
          topic: t.name,
          messages: [{ key: `${fixture.tenantA}:${fixture.pseudonym}`, value: '{"state":1}' }],
        })),
        ...LEARNER_VALUE_TOPICS.map((t) => ({
          topic: t.name,
          messages: [
            { key: alertKeys.learner, value: alertMemory(fixture.pseudonym) },
            { key: alertKeys.other, value: alertMemory('someone-else') },
          ],
        })),
      ]);
    } finally {
      await producer.close();
    }
    report = await privacy.erase(fixture.tenantA, `mailto:${EMAIL}`, requester);
    // The audit keeps the pseudonym by design (it records whom the erase was about).
    assert.deepEqual(await tablesMentioning(client, fixture.tenantA, needles, ['gdpr_audit']), {});
    assert.equal(report.deleted.learning_events, 12);
    assert.equal(report.deleted.xapi_statements, 4);
    assert.equal(report.recomputed.xapi_statement_bodies?.removed, 4);
    assert.equal(report.deleted.xapi_attachments, 1);
    assert.ok((report.recomputed.course_daily_activity?.removed ?? 0) > 0);

    for (const topic of LEARNER_STATE_TOPICS) {
      const start = from.get(topic.name);
      assert.ok(start !== undefined);
      const written = await readBetween(
        kafka,
        topic.name,
        start,
        await endOffsets(kafka, topic.name),
      );
      const mine = written.filter((m) => m.key.startsWith(`${fixture.tenantA}:`));
      const state = mine.filter((m) => !m.tombstone);
      const tombstones = mine.filter((m) => m.tombstone);
      assert.equal(state.length, 1);
      assert.deepEqual(
        tombstones.map((m) => m.key).sort(),
        ids.map((id) => `${fixture.tenantA}:${id}`).sort(),
      );
      const stateTombstone = tombstones.find((m) => m.key === state[0]?.key);
      assert.equal(stateTombstone?.partition, state[0]?.partition, 'same partition as the state');
    }
    for (const topic of LEARNER_VALUE_TOPICS) {
      const written = await readBetween(
        kafka,
        topic.name,
        from.get(topic.name) ?? new Map<number, bigint>(),
        await endOffsets(kafka, topic.name),
      );
      const tombstones = written.filter((m) => m.tombstone).map((m) => m.key);
      assert.deepEqual(tombstones, [alertKeys.learner], `${topic.name}: only the learner's key`);
    }
    const notices = await readBetween(
      kafka,
      TOPICS.learnerErasures,
      from.get(TOPICS.learnerErasures) ?? new Map<number, bigint>(),
      await endOffsets(kafka, TOPICS.learnerErasures),
    );
    const mineNotices = notices.filter((m) => m.key.startsWith(`${fixture.tenantA}:`));
    assert.deepEqual(
      mineNotices.map((m) => m.key).sort(),
      ids.map((id) => `${fixture.tenantA}:${id}`).sort(),
    );
    for (const message of mineNotices) {
      const notice = decodeErasureNotice(message.value);
      assert.equal(notice.auditId, report.auditId);
    }
    assert.equal(report.notices, ids.length);
  });

  it('leaves other learners’ rows and tenant B (same identity, same pseudonym string) unchanged', async () => {
    const plan = planErasure(await readCatalogue(client));
    for (const [table, rows] of Object.entries(tenantBBefore)) {
      const now = await snapshot(client, table, await tenantIs(client, table, 'b'), {
        b: fixture.tenantB,
      });
      assert.ok(sameValues(now, rows), `tenant B ${table} changed`);
      if (
        ['learning_events', 'xapi_statements', 'risk_assessments', 'xapi_attachments'].includes(
          table,
        )
      ) {
        assert.ok(rows.length > 0, table);
      }
    }
    for (const table of plan.learnerTables) {
      const now = await snapshot(client, table, OTHERS, {
        a: fixture.tenantA,
        ids: [fixture.pseudonym, MBOX],
      });
      assert.ok(sameValues(now, othersBefore[table]), `others in ${table} changed`);
    }
    const kept = await snapshot(client, 'xapi_attachments', 'tenant = {a:String}', {
      a: fixture.tenantA,
    });
    assert.deepEqual(
      kept.map((row) => row.sha2),
      [fixture.sharedAttachment],
    );
  });

  it('leaves every mixed rollup equal to its view rebuilt from the raw rows that remain', async () => {
    const plan = planErasure(await readCatalogue(client));
    assert.ok(plan.recomputes.length >= 7);
    for (const recompute of plan.recomputes) {
      const now = await snapshot(client, recompute.target);
      const rebuilt = await rebuiltFromRaw(client, recompute.view, recompute.target);
      assert.ok(
        sameValues(now, rebuilt),
        `${recompute.target}:\n${JSON.stringify(now)}\n!=\n${JSON.stringify(rebuilt)}`,
      );
    }
    // Concretely: C2 had only the learner, so its day is gone; C1's week counts 2 learners.
    const weekly = await snapshot(client, 'course_weekly_activity', 'tenant = {a:String}', {
      a: fixture.tenantA,
    });
    assert.deepEqual(
      weekly.map((row) => [row.course_id, row.learners]),
      [['https://lms.uni.example/course/C1', '2']],
    );
  });

  it('records the erase in gdpr_audit: who, how, the pseudonym, the counts and tombstones', async () => {
    const audit = await auditRow(report.auditId);
    assert.equal(audit.action, 'erase');
    assert.equal(audit.outcome, 'done');
    assert.equal(audit.requested_by, 'spec-operator');
    assert.equal(audit.requested_via, 'cli');
    assert.deepEqual(audit.subject, report.pseudonyms);
    assert.equal((audit.row_counts as Record<string, string>).learning_events, '12');
    assert.equal(
      Number(audit.tombstones),
      ids.length * LEARNER_STATE_TOPICS.length + LEARNER_VALUE_TOPICS.length,
    );
    assert.ok(!JSON.stringify(audit).includes(EMAIL));
    assert.ok(exported.statements.length > 0);
  });

  it('refuses a tenant that is not a slug and a learner of no known form, naming the field', async () => {
    await assert.rejects(
      privacy.erase('Not A Slug', 'mailto:x@y.example', requester),
      /tenant: must be a tenant slug/,
    );
    await assert.rejects(
      privacy.erase(fixture.tenantA, 'no way', requester),
      /learner: must be one of/,
    );
  });
});
