/** A LearningEvent as a `learning_events` row (see libs/clickhouse/migrations/0001). */
import { type LearningEvent } from '@learnpulse/events';
import {
  finiteOrNull,
  type KafkaPosition,
  RowMappingError,
  storableTime,
  UUID_PATTERN,
} from './row-mapping';

export interface LearningEventRow extends Record<string, unknown> {
  tenant: string;
  event_id: string;
  source: string;
  learner_id: string;
  course_id: string;
  object_id: string;
  object_type: string;
  action: string;
  score_raw: number | null;
  score_min: number | null;
  score_max: number | null;
  score_scaled: number | null;
  occurred_at: string;
  received_at: string;
  payload: string;
  kafka_partition: number;
  kafka_offset: number;
}

/** Throws RowMappingError for an event ClickHouse would refuse, so one bad record cannot block a batch. */
export function learningEventRow(event: LearningEvent, position: KafkaPosition): LearningEventRow {
  if (!UUID_PATTERN.test(event.eventId)) throw new RowMappingError('eventId is not a UUID');
  if (event.tenant === '') throw new RowMappingError('tenant is empty');
  return {
    tenant: event.tenant,
    event_id: event.eventId,
    source: event.source,
    learner_id: event.learnerId,
    course_id: event.courseId ?? '',
    object_id: event.objectId,
    object_type: event.objectType,
    action: event.action,
    score_raw: finiteOrNull('score.raw', event.score?.raw),
    score_min: finiteOrNull('score.min', event.score?.min),
    score_max: finiteOrNull('score.max', event.score?.max),
    score_scaled: finiteOrNull('score.scaled', event.score?.scaled),
    occurred_at: storableTime('occurredAt', event.occurredAt),
    received_at: storableTime('receivedAt', event.receivedAt),
    payload: event.payload,
    kafka_partition: position.partition,
    kafka_offset: position.offset,
  };
}
