import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RiskAssessment } from './generated/risk-assessment.types';
import { riskAssessmentCodec } from './risk-assessment.codec';
import { SchemaEncodeError } from './schema-errors';
import { WIRE_FORMAT_MAGIC_BYTE } from './wire-format';

function sampleAssessment(): RiskAssessment {
  return {
    assessmentId: '5b0f3c3e-2d7b-5a4e-9a61-1d2f0c9b7e11',
    tenant: 'demo',
    learnerId: 'learner-1',
    courseId: 'course-v1:Demo+DATA101+2026',
    score: 0.82,
    level: 'high',
    previousLevel: 'medium',
    reasons: [
      {
        detector: 'inactivity',
        text: 'no activity for 9 days; cohort median 2',
        weight: 0.41,
        evidence: { daysInactive: 9, cohortMedianDays: 2 },
      },
    ],
    modelVersion: 'oulad-logit-1',
    asOf: Date.UTC(2026, 10, 30),
    lastActivityAt: Date.UTC(2026, 10, 21),
  };
}

describe('riskAssessmentCodec', () => {
  it('round-trips an assessment in the Confluent wire format with schema id 3', () => {
    const assessment = sampleAssessment();
    const bytes = riskAssessmentCodec.encode(assessment);
    assert.equal(bytes[0], WIRE_FORMAT_MAGIC_BYTE);
    assert.equal(bytes.readInt32BE(1), 3);
    assert.deepStrictEqual(riskAssessmentCodec.decode(bytes), assessment);
  });

  it('refuses a level outside low, medium and high', () => {
    assert.throws(
      () => riskAssessmentCodec.encode({ ...sampleAssessment(), level: 'severe' as never }),
      SchemaEncodeError,
    );
  });
});
