/**
 * The topics of learnpulse: names, keys and per-topic configuration, declared once
 * so the stack, the tests and the services create and use the same topics.
 */

export const TOPICS = {
  xapiStatements: 'xapi.statements.v1',
  xapiAttachments: 'xapi.attachments.v1',
  learningEvents: 'learning.events.v1',
  learningEventsDlq: 'learning.events.dlq.v1',
  learnerRisk: 'learner.risk.v1',
  riskEngineState: 'risk-engine.state.v1',
  tenancy: 'learnpulse.tenancy.v1',
  learnerRiskAlertsDlq: 'learner.risk.alerts.dlq.v1',
  webhookSubscriptions: 'learnpulse.webhooks.v1',
  alertDispatcherState: 'alert-dispatcher.state.v1',
  learnerErasures: 'learnpulse.erasures.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicConfigEntry {
  readonly name: string;
  readonly value: string;
}

export interface TopicSpec {
  readonly name: string;
  /** What the record key is; records with the same key stay in order on one partition. */
  readonly key: string;
  readonly value: string;
  /** Log compaction keeps the latest record per key (changelog topics). */
  readonly compacted: boolean;
  /** Topic-level configs applied at creation (cleanup.policy, retention.ms, ...). */
  readonly configEntries: readonly TopicConfigEntry[];
  /**
   * A compacted topic whose JSON values name a learner in `tenant` and `learnerId` under a key
   * that does not (it is derived): `learner erase` finds the learner's keys by reading it.
   */
  readonly learnerInValue?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOPIC_SPECS: readonly TopicSpec[] = [
  {
    name: TOPICS.xapiStatements,
    key: 'tenant:statementId',
    value: 'stored xAPI statement (JSON)',
    compacted: false,
    // Kafka is the source of truth: keep every accepted statement so the LRS store can be rebuilt.
    configEntries: [{ name: 'retention.ms', value: '-1' }],
  },
  {
    name: TOPICS.xapiAttachments,
    key: 'tenant:sha2',
    value: 'raw attachment bytes, content-type header',
    compacted: false,
    // Part of the LRS store like the statements; one record per attachment, up to 16 MiB
    // (the broker's default limit is 1 MiB).
    configEntries: [
      { name: 'retention.ms', value: '-1' },
      { name: 'max.message.bytes', value: String(16 * 1024 * 1024) },
    ],
  },
  {
    name: TOPICS.learningEvents,
    key: 'tenant:learnerId',
    value: 'LearningEvent (Avro, Confluent wire format)',
    compacted: false,
    // Kept forever so any consumer (warehouse, risk engine) can be replayed from the start.
    configEntries: [{ name: 'retention.ms', value: '-1' }],
  },
  {
    name: TOPICS.learningEventsDlq,
    key: 'as the source record',
    value: 'original bytes, error in headers',
    compacted: false,
    configEntries: [{ name: 'retention.ms', value: String(30 * DAY_MS) }],
  },
  {
    name: TOPICS.learnerRisk,
    key: 'tenant:learnerId',
    value: 'RiskAssessment (Avro, Confluent wire format)',
    compacted: false,
    configEntries: [{ name: 'retention.ms', value: String(30 * DAY_MS) }],
  },
  {
    name: TOPICS.riskEngineState,
    key: 'tenant:learnerId',
    value: 'learner state snapshot',
    compacted: true,
    configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
  },
  {
    name: TOPICS.tenancy,
    key: 'tenant:<id> | credential:<key>',
    value: 'tenant or credential (JSON, secret as scrypt hash only)',
    compacted: true,
    configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
  },
  {
    name: TOPICS.learnerRiskAlertsDlq,
    key: 'tenant:learnerId',
    value: 'webhook alert (JSON) that was not delivered, error and subscription in headers',
    compacted: false,
    configEntries: [{ name: 'retention.ms', value: String(30 * DAY_MS) }],
  },
  {
    name: TOPICS.webhookSubscriptions,
    key: 'webhook:<id>',
    value: 'webhook subscription of a tenant (JSON, no secret)',
    compacted: true,
    configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
  },
  {
    name: TOPICS.alertDispatcherState,
    key: '<subscriptionId>:<tenant>:<learnerId>:<courseId>',
    value: 'last alert sent to a subscription for a learner and course (JSON)',
    compacted: true,
    configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
    learnerInValue: true,
  },
  {
    name: TOPICS.learnerErasures,
    key: 'tenant:learnerId',
    value: 'erasure notice of `learner erase` (JSON: tenant, learnerId, auditId, erasedAt)',
    compacted: false,
    // Tells running services to drop a learner they hold in memory; a service that starts later
    // restores from state topics that carry the erasure's tombstones already.
    configEntries: [{ name: 'retention.ms', value: String(7 * DAY_MS) }],
  },
];
