/**
 * A small warehouse for the GDPR specs, written straight into the raw tables the sink writes
 * (the materialized views fill the rollups): tenants A and B, a learner to erase (an xAPI mbox
 * actor, pseudonymised), two other learners, and tenant B holding a learner with the same raw
 * identity and a row under the very same pseudonym string.
 */
import { type ClickHouseClient, toDateTime64 } from '@learnpulse/clickhouse';
import { learnerPseudonym } from '@learnpulse/mappers';
import { createHash, randomUUID } from 'node:crypto';

export const KEY = 'gdpr-spec-pseudonym-key-of-32-characters';
export const EMAIL = 'erase.me@uni.example';
export const MBOX = `mbox:mailto:${EMAIL}`;
export const OTHER = 'mbox:mailto:kept@uni.example';
export const THIRD = 'account:https://lms.uni.example|4711';

export interface Fixture {
  tenantA: string;
  tenantB: string;
  /** The erased learner's pseudonym in tenant A. */
  pseudonym: string;
  /** Statement ids that are about the learner in tenant A. */
  learnerStatements: string[];
  /** Attachment only the learner's statements carry, and one shared with another learner. */
  ownAttachment: string;
  sharedAttachment: string;
}

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 2, 2, 9);
const COURSES = ['https://lms.uni.example/course/C1', 'https://lms.uni.example/course/C2'];

function sha2(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface EventSpec {
  tenant: string;
  learner: string;
  course: string;
  object: string;
  objectType?: string;
  action: string;
  score?: number;
  day: number;
  eventId?: string;
  source?: string;
}

function eventRow(spec: EventSpec, index: number): Record<string, unknown> {
  const at = BASE + spec.day * DAY + index * 60_000;
  return {
    tenant: spec.tenant,
    event_id: spec.eventId ?? randomUUID(),
    source: spec.source ?? 'xapi',
    learner_id: spec.learner,
    course_id: spec.course,
    object_id: spec.object,
    object_type: spec.objectType ?? 'module',
    action: spec.action,
    score_raw: spec.score ?? null,
    score_min: spec.score === undefined ? null : 0,
    score_max: spec.score === undefined ? null : 1,
    score_scaled: spec.score ?? null,
    occurred_at: toDateTime64(at),
    received_at: toDateTime64(at + 1000),
    payload: '{}',
    kafka_partition: 0,
    kafka_offset: index,
  };
}

interface StatementSpec {
  tenant: string;
  id: string;
  actor: string;
  actorJson: Record<string, unknown>;
  related?: string[];
  attachments?: string[];
  voids?: string;
  extra?: Record<string, unknown>;
}

function statementRow(spec: StatementSpec, index: number): Record<string, unknown> {
  const stored = toDateTime64(BASE + index * 1000);
  const statement = {
    id: spec.id,
    actor: spec.actorJson,
    verb: {
      id:
        spec.voids === undefined
          ? 'http://adlnet.gov/expapi/verbs/completed'
          : 'http://adlnet.gov/expapi/verbs/voided',
    },
    object:
      spec.voids === undefined
        ? { id: `${COURSES[0] ?? ''}/m${String(index)}` }
        : { objectType: 'StatementRef', id: spec.voids },
    ...(spec.attachments === undefined
      ? {}
      : {
          attachments: spec.attachments.map((hash) => ({
            usageType: 'http://adlnet.gov/expapi/attachments/signature',
            display: { en: 'a' },
            contentType: 'text/plain',
            length: 4,
            sha2: hash,
          })),
        }),
    ...spec.extra,
  };
  return {
    tenant: spec.tenant,
    statement_id: spec.id,
    verb_id: statement.verb.id,
    actor: spec.actor,
    object_id: spec.voids ?? `${COURSES[0] ?? ''}/m${String(index)}`,
    timestamp: stored,
    stored,
    version: '2.0.0',
    statement: JSON.stringify(statement),
    kafka_partition: 0,
    kafka_offset: index,
    agents: [spec.actor],
    related_agents: [spec.actor, ...(spec.related ?? [])],
    is_voiding: spec.voids === undefined ? 0 : 1,
    voided_target_id: spec.voids ?? null,
    statement_ref_id: spec.voids ?? null,
  };
}

export async function writeFixture(
  client: ClickHouseClient,
  tenantA: string,
  tenantB: string,
): Promise<Fixture> {
  const pseudonym = learnerPseudonym(KEY, tenantA, MBOX);
  const other = learnerPseudonym(KEY, tenantA, OTHER);
  const third = learnerPseudonym(KEY, tenantA, THIRD);
  const pseudonymInB = learnerPseudonym(KEY, tenantB, MBOX);
  const [c1, c2] = COURSES as [string, string];
  const own = [randomUUID(), randomUUID(), randomUUID()];
  const aboutLearner = randomUUID(); // another learner's statement naming the learner as instructor
  const ownAttachment = sha2('own');
  const sharedAttachment = sha2('shared');

  const events: EventSpec[] = [];
  // The learner: shares course C1 days with others, is alone on C2 day 3.
  for (const day of [0, 1, 2]) {
    events.push({
      tenant: tenantA,
      learner: pseudonym,
      course: c1,
      object: `${c1}/video`,
      objectType: 'video',
      action: 'played_video',
      day,
    });
    events.push({
      tenant: tenantA,
      learner: pseudonym,
      course: c1,
      object: `${c1}/quiz`,
      action: 'scored',
      score: 0.2 + day * 0.1,
      day,
    });
  }
  events.push({
    tenant: tenantA,
    learner: pseudonym,
    course: c2,
    object: `${c2}/page`,
    action: 'completed',
    day: 3,
  });
  events.push({
    tenant: tenantA,
    learner: pseudonym,
    course: c1,
    object: c1,
    action: 'enrolled',
    day: 0,
  });
  own.forEach((id, n) => {
    events.push({
      tenant: tenantA,
      learner: pseudonym,
      course: c1,
      object: `${c1}/m${String(n)}`,
      action: 'completed',
      day: 1,
      eventId: id,
    });
  });
  // Legacy row from before pseudonymisation: the raw identity as learner_id.
  events.push({
    tenant: tenantA,
    learner: MBOX,
    course: c1,
    object: `${c1}/page`,
    action: 'viewed',
    day: 2,
  });
  for (const [learner, scoreBase] of [
    [other, 0.5],
    [third, 0.8],
  ] as const) {
    for (const day of [0, 1, 2]) {
      events.push({
        tenant: tenantA,
        learner,
        course: c1,
        object: `${c1}/video`,
        objectType: 'video',
        action: 'played_video',
        day,
      });
      events.push({
        tenant: tenantA,
        learner,
        course: c1,
        object: `${c1}/quiz`,
        action: 'scored',
        score: scoreBase + day * 0.05,
        day,
      });
    }
    events.push({ tenant: tenantA, learner, course: c1, object: c1, action: 'enrolled', day: 0 });
  }
  // Tenant B: the same person (own pseudonym there) and a row under A's pseudonym string.
  for (const learner of [pseudonymInB, pseudonym]) {
    events.push({
      tenant: tenantB,
      learner,
      course: c1,
      object: `${c1}/video`,
      objectType: 'video',
      action: 'played_video',
      day: 0,
    });
    events.push({
      tenant: tenantB,
      learner,
      course: c1,
      object: `${c1}/quiz`,
      action: 'scored',
      score: 0.4,
      day: 1,
    });
    events.push({ tenant: tenantB, learner, course: c1, object: c1, action: 'enrolled', day: 0 });
  }
  // Several inserts, as the sink's batches: rollups hold partial rows per key.
  const rows = events.map(eventRow);
  for (let start = 0; start < rows.length; start += 7) {
    await client.insert({
      table: 'learning_events',
      values: rows.slice(start, start + 7),
      format: 'JSONEachRow',
    });
  }

  const learnerActor = { mbox: `mailto:${EMAIL}` };
  const statements: StatementSpec[] = [
    {
      tenant: tenantA,
      id: own[0] ?? '',
      actor: MBOX,
      actorJson: learnerActor,
      attachments: [ownAttachment, sharedAttachment],
    },
    { tenant: tenantA, id: own[1] ?? '', actor: MBOX, actorJson: learnerActor },
    // The learner voids their own first statement.
    { tenant: tenantA, id: own[2] ?? '', actor: MBOX, actorJson: learnerActor, voids: own[0] },
    {
      tenant: tenantA,
      id: aboutLearner,
      actor: OTHER,
      actorJson: { mbox: 'mailto:kept@uni.example' },
      related: [MBOX],
      extra: { context: { instructor: learnerActor } },
    },
  ];
  const keptA = randomUUID();
  const keptVoiding = randomUUID();
  statements.push(
    {
      tenant: tenantA,
      id: keptA,
      actor: OTHER,
      actorJson: { mbox: 'mailto:kept@uni.example' },
      attachments: [sharedAttachment],
    },
    {
      tenant: tenantA,
      id: keptVoiding,
      actor: OTHER,
      actorJson: { mbox: 'mailto:kept@uni.example' },
      voids: keptA,
    },
    {
      tenant: tenantB,
      id: randomUUID(),
      actor: MBOX,
      actorJson: learnerActor,
      attachments: [ownAttachment],
    },
  );
  await client.insert({
    table: 'xapi_statements',
    values: statements.map(statementRow),
    format: 'JSONEachRow',
  });
  await client.insert({
    table: 'xapi_attachments_ingest',
    format: 'JSONEachRow',
    values: [
      {
        tenant: tenantA,
        sha2: ownAttachment,
        content_type: 'text/plain',
        content_base64: Buffer.from('own!').toString('base64'),
      },
      {
        tenant: tenantA,
        sha2: sharedAttachment,
        content_type: 'text/plain',
        content_base64: Buffer.from('shar').toString('base64'),
      },
      {
        tenant: tenantB,
        sha2: ownAttachment,
        content_type: 'text/plain',
        content_base64: Buffer.from('own!').toString('base64'),
      },
    ],
  });
  const risk = (tenant: string, learner: string, level: string) => ({
    tenant,
    assessment_id: randomUUID(),
    learner_id: learner,
    course_id: c1,
    score: level === 'high' ? 0.9 : 0.1,
    level,
    reasons: '[]',
    model_version: 'spec',
    as_of: toDateTime64(BASE + 5 * DAY),
  });
  await client.insert({
    table: 'risk_assessments',
    format: 'JSONEachRow',
    values: [
      risk(tenantA, pseudonym, 'high'),
      risk(tenantA, other, 'low'),
      risk(tenantB, pseudonym, 'high'),
    ],
  });
  return {
    tenantA,
    tenantB,
    pseudonym,
    learnerStatements: [...own, aboutLearner],
    ownAttachment,
    sharedAttachment,
  };
}
