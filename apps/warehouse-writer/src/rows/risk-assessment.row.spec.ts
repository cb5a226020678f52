import { type RiskAssessment } from '@learnpulse/events';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { riskAssessmentRow } from './risk-assessment.row';
import { RowMappingError } from './row-mapping';

function assessment(overrides: Partial<RiskAssessment> = {}): RiskAssessment {
  return {
    assessmentId: '0b6f1f7e-3c1d-5a8e-9f2b-7d4c3b2a1e0f',
    tenant: 'uni-north',
    learnerId: 'learner-7',
    courseId: 'bio-101',
    score: 0.72,
    level: 'high',
    previousLevel: 'medium',
    reasons: [
      {
        detector: 'inactivity',
        text: 'no activity for 9 days (cohort median 2)',
        weight: 0.5,
        evidence: { daysInactive: 9, cohortMedianDays: 2 },
      },
      { detector: 'low-scores', text: 'mean score 0.31', weight: 0.22, evidence: { mean: 0.31 } },
    ],
    modelVersion: 'risk-v1',
    asOf: Date.UTC(2025, 2, 14, 9, 30, 0, 123),
    lastActivityAt: Date.UTC(2025, 2, 5, 17, 0, 0, 0),
    ...overrides,
  };
}

describe('riskAssessmentRow', () => {
  it('maps every field to its column, reasons as JSON and their detectors, with the Kafka position', () => {
    const row = riskAssessmentRow(assessment(), { partition: 2, offset: 17 });
    assert.deepEqual(
      { ...row, reasons: JSON.parse(row.reasons) as unknown },
      {
        tenant: 'uni-north',
        assessment_id: '0b6f1f7e-3c1d-5a8e-9f2b-7d4c3b2a1e0f',
        learner_id: 'learner-7',
        course_id: 'bio-101',
        score: 0.72,
        level: 'high',
        previous_level: 'medium',
        reasons: assessment().reasons,
        detectors: ['inactivity', 'low-scores'],
        model_version: 'risk-v1',
        as_of: '2025-03-14 09:30:00.123',
        last_activity_at: '2025-03-05 17:00:00.000',
        kafka_partition: 2,
        kafka_offset: 17,
      },
    );
  });

  it('keeps a first assessment without previous level and a learner never active as nulls', () => {
    const row = riskAssessmentRow(assessment({ previousLevel: null, lastActivityAt: null }), {
      partition: 0,
      offset: 0,
    });
    assert.equal(row.previous_level, null);
    assert.equal(row.last_activity_at, null);
  });

  it('refuses an assessment ClickHouse or readers could not use, naming the field', () => {
    const refused: [Partial<RiskAssessment>, RegExp][] = [
      [{ assessmentId: 'abc' }, /assessmentId/],
      [{ tenant: '' }, /tenant/],
      [{ learnerId: '' }, /learnerId/],
      [{ score: Number.NaN }, /score/],
      [{ score: 1.5 }, /score/],
      [{ asOf: Date.UTC(2400, 0, 1) }, /asOf/],
      [
        {
          reasons: [
            { detector: 'x', text: 't', weight: 1, evidence: { a: Number.POSITIVE_INFINITY } },
          ],
        },
        /reasons\[0\]\.evidence\.a/,
      ],
    ];
    for (const [overrides, field] of refused) {
      assert.throws(
        () => riskAssessmentRow(assessment(overrides), { partition: 0, offset: 0 }),
        (error: unknown) => error instanceof RowMappingError && field.test(error.message),
      );
    }
  });
});
