/**
 * Tombstones (null values) for the learner on every compacted topic keyed `tenant:learnerId`
 * (risk-engine.state.v1 today; any such topic added to TOPIC_SPECS is covered): compaction
 * then drops the learner's state, and a consumer restoring from the changelog forgets it.
 */
import { TOPIC_SPECS, type TopicSpec } from '@learnpulse/kafka';
import { type Kafka, Partitioners } from 'kafkajs';
import { learnerIdsOf, type LearnerSubject } from './learner-subject';

export const LEARNER_STATE_TOPICS: readonly TopicSpec[] = TOPIC_SPECS.filter(
  (spec) => spec.compacted && spec.key === 'tenant:learnerId',
);

export interface TombstoneOutcome {
  readonly topics: readonly string[];
  readonly keys: readonly string[];
}

export async function writeLearnerTombstones(
  kafka: Kafka,
  subject: LearnerSubject,
  topics: readonly TopicSpec[] = LEARNER_STATE_TOPICS,
): Promise<TombstoneOutcome> {
  const keys = learnerIdsOf(subject).map((id) => `${subject.tenant}:${id}`);
  if (keys.length === 0 || topics.length === 0) return { topics: [], keys: [] };
  // kafkajs, not the ingest producer: a tombstone is a record with a null value. Compaction is
  // per partition, so the tombstone must land where the state did: the Java-compatible murmur2
  // partitioner, as ReliableProducer's (libs/kafka) and every Java client's.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.sendBatch({
      acks: -1,
      topicMessages: topics.map((topic) => ({
        topic: topic.name,
        messages: keys.map((key) => ({ key, value: null })),
      })),
    });
  } finally {
    await producer.disconnect();
  }
  return { topics: topics.map((topic) => topic.name), keys };
}
