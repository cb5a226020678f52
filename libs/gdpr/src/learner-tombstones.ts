/**
 * What `learner erase` does on Kafka:
 * - a tombstone (null value) for the learner on every compacted topic keyed `tenant:learnerId`
 *   (risk-engine.state.v1), and on every compacted topic whose values name the learner under a
 *   derived key (alert-dispatcher.state.v1: its keys hash the learner with the course), found by
 *   reading that topic; compaction then drops the state, and a restore forgets it;
 * - an erasure notice per learner id on learnpulse.erasures.v1, last, so a running service
 *   drops the learner from memory and cannot write its state back after the tombstone.
 */
import { encodeErasureNotice, erasureNoticeKey } from '@learnpulse/events';
import {
  CompactedTopicReader,
  TombstoneWriter,
  TOPIC_SPECS,
  TOPICS,
  type TopicSpec,
} from '@learnpulse/kafka';
import { type Kafka } from 'kafkajs';
import { type Logger } from 'pino';
import { learnerIdsOf, type LearnerSubject } from './learner-subject';

export const LEARNER_STATE_TOPICS: readonly TopicSpec[] = TOPIC_SPECS.filter(
  (spec) => spec.compacted && spec.key === 'tenant:learnerId',
);

export const LEARNER_VALUE_TOPICS: readonly TopicSpec[] = TOPIC_SPECS.filter(
  (spec) => spec.compacted && spec.learnerInValue === true,
);

export interface KafkaErasureTopics {
  /** Compacted topics keyed `tenant:learnerId`. */
  readonly keyed: readonly TopicSpec[];
  /** Compacted topics whose JSON values carry `tenant` and `learnerId`. */
  readonly named: readonly TopicSpec[];
  /** Where the erasure notices go. */
  readonly notices: string;
}

export const KAFKA_ERASURE_TOPICS: KafkaErasureTopics = {
  keyed: LEARNER_STATE_TOPICS,
  named: LEARNER_VALUE_TOPICS,
  notices: TOPICS.learnerErasures,
};

export interface TombstoneOutcome {
  /** Topics that got at least one tombstone. */
  readonly topics: readonly string[];
  /** Tombstones written, over all topics. */
  readonly tombstones: number;
  /** The `tenant:learnerId` keys of the learner. */
  readonly keys: readonly string[];
  /** Erasure notices written. */
  readonly notices: number;
}

function namesLearner(value: Buffer, tenant: string, learnerIds: ReadonlySet<string>): boolean {
  try {
    const parsed = JSON.parse(value.toString('utf8')) as { tenant?: unknown; learnerId?: unknown };
    return (
      parsed.tenant === tenant &&
      typeof parsed.learnerId === 'string' &&
      learnerIds.has(parsed.learnerId)
    );
  } catch {
    return false;
  }
}

/** The keys whose latest value on a compacted topic names one of the learner ids. */
async function keysNamingLearner(
  kafka: Kafka,
  topic: string,
  tenant: string,
  learnerIds: ReadonlySet<string>,
  logger: Logger,
): Promise<string[]> {
  const matching = new Set<string>();
  const reader = await CompactedTopicReader.start(kafka, {
    topic,
    groupPrefix: 'learnpulse-gdpr-erase',
    logger,
    apply: ({ key, value }) => {
      if (value !== null && namesLearner(value, tenant, learnerIds)) matching.add(key);
      else matching.delete(key);
    },
  });
  try {
    await reader.caughtUp;
  } finally {
    await reader.stop();
  }
  return [...matching];
}

export async function eraseLearnerOnKafka(
  kafka: Kafka,
  subject: LearnerSubject,
  auditId: string,
  logger: Logger,
  topics: KafkaErasureTopics = KAFKA_ERASURE_TOPICS,
): Promise<TombstoneOutcome> {
  const learnerIds = learnerIdsOf(subject);
  const keys = learnerIds.map((id) => `${subject.tenant}:${id}`);
  if (keys.length === 0) return { topics: [], tombstones: 0, keys: [], notices: 0 };
  const tombstoned = topics.keyed.map((topic) => ({ topic: topic.name, keys }));
  for (const topic of topics.named) {
    const found = await keysNamingLearner(
      kafka,
      topic.name,
      subject.tenant,
      new Set(learnerIds),
      logger,
    );
    if (found.length > 0) tombstoned.push({ topic: topic.name, keys: found });
  }
  const tombstones = new TombstoneWriter(kafka);
  const notices = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const erasedAt = Date.now();
  try {
    await tombstones.write(tombstoned);
    // After the tombstones: a service that sees the notice can rely on them being written.
    await notices.connect();
    await notices.send({
      topic: topics.notices,
      acks: -1,
      messages: learnerIds.map((learnerId) => {
        const notice = { tenant: subject.tenant, learnerId, auditId, erasedAt };
        return { key: erasureNoticeKey(notice), value: encodeErasureNotice(notice) };
      }),
    });
  } finally {
    await tombstones.close();
    await notices.disconnect();
  }
  return {
    topics: tombstoned.map(({ topic }) => topic),
    tombstones: tombstoned.reduce((sum, { keys: topicKeys }) => sum + topicKeys.length, 0),
    keys,
    notices: learnerIds.length,
  };
}
