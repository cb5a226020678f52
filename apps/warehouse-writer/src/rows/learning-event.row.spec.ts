import { type LearningEvent } from '@learnpulse/events';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { learningEventRow } from './learning-event.row';
import { RowMappingError } from './row-mapping';

function event(overrides: Partial<LearningEvent> = {}): LearningEvent {
  return {
    eventId: '1f0c8a52-6a3e-4d7b-9f5e-2b1c3d4e5f60',
    tenant: 'uni-north',
    source: 'xapi',
    learnerId: 'learner-7',
    learnerAnonymous: false,
    courseId: 'bio-101',
    objectId: 'https://lms.example.edu/activities/quiz-3',
    objectType: 'http://adlnet.gov/expapi/activities/assessment',
    action: 'scored',
    score: { raw: 7.5, min: 0, max: 10, scaled: 0.75 },
    occurredAt: Date.UTC(2025, 2, 14, 9, 30, 0, 123),
    receivedAt: Date.UTC(2025, 2, 14, 9, 30, 1, 456),
    payload: '{"verb":{"id":"http://adlnet.gov/expapi/verbs/scored"}}',
    ...overrides,
  };
}

describe('learningEventRow', () => {
  it('maps every field to its column, with the Kafka position', () => {
    assert.deepEqual(learningEventRow(event(), { partition: 1, offset: 42 }), {
      tenant: 'uni-north',
      event_id: '1f0c8a52-6a3e-4d7b-9f5e-2b1c3d4e5f60',
      source: 'xapi',
      learner_id: 'learner-7',
      course_id: 'bio-101',
      object_id: 'https://lms.example.edu/activities/quiz-3',
      object_type: 'http://adlnet.gov/expapi/activities/assessment',
      action: 'scored',
      score_raw: 7.5,
      score_min: 0,
      score_max: 10,
      score_scaled: 0.75,
      occurred_at: '2025-03-14 09:30:00.123',
      received_at: '2025-03-14 09:30:01.456',
      payload: '{"verb":{"id":"http://adlnet.gov/expapi/verbs/scored"}}',
      kafka_partition: 1,
      kafka_offset: 42,
    });
  });

  it('stores a missing course as an empty string and a missing score as nulls', () => {
    const row = learningEventRow(event({ courseId: null, score: null }), {
      partition: 0,
      offset: 0,
    });
    assert.equal(row.course_id, '');
    assert.deepEqual(
      [row.score_raw, row.score_min, row.score_max, row.score_scaled],
      [null, null, null, null],
    );
  });

  it('refuses what ClickHouse would refuse, so the record goes to the dead-letter topic', () => {
    const position = { partition: 0, offset: 0 };
    assert.throws(
      () => learningEventRow(event({ eventId: 'not-a-uuid' }), position),
      RowMappingError,
    );
    assert.throws(
      () => learningEventRow(event({ occurredAt: Date.UTC(2400, 0, 1) }), position),
      /occurredAt/,
    );
    assert.throws(
      () =>
        learningEventRow(
          event({ score: { raw: Number.NaN, min: null, max: null, scaled: null } }),
          position,
        ),
      /score.raw/,
    );
  });
});
