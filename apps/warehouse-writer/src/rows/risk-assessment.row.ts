/** A RiskAssessment (learner.risk.v1) as a `risk_assessments` row (libs/clickhouse/migrations/0013). */
import { type RiskAssessment } from '@learnpulse/events';
import {
  finiteOrNull,
  type KafkaPosition,
  RowMappingError,
  storableTime,
  UUID_PATTERN,
} from './row-mapping';

export interface RiskAssessmentRow extends Record<string, unknown> {
  tenant: string;
  assessment_id: string;
  learner_id: string;
  course_id: string;
  score: number;
  level: string;
  previous_level: string | null;
  reasons: string;
  detectors: string[];
  model_version: string;
  as_of: string;
  last_activity_at: string | null;
  kafka_partition: number;
  kafka_offset: number;
}

/** Throws RowMappingError for an assessment ClickHouse would refuse or readers could not use. */
export function riskAssessmentRow(
  assessment: RiskAssessment,
  position: KafkaPosition,
): RiskAssessmentRow {
  if (!UUID_PATTERN.test(assessment.assessmentId)) {
    throw new RowMappingError('assessmentId is not a UUID');
  }
  if (assessment.tenant === '') throw new RowMappingError('tenant is empty');
  if (assessment.learnerId === '') throw new RowMappingError('learnerId is empty');
  const score = finiteOrNull('score', assessment.score);
  if (score === null || score < 0 || score > 1) throw new RowMappingError('score is not in [0, 1]');
  const reasons = assessment.reasons.map((reason, k) => {
    if (!Number.isFinite(reason.weight)) {
      throw new RowMappingError(`reasons[${k}].weight is not a finite number`);
    }
    for (const [name, value] of Object.entries(reason.evidence)) {
      if (!Number.isFinite(value)) {
        throw new RowMappingError(`reasons[${k}].evidence.${name} is not a finite number`);
      }
    }
    return reason;
  });
  return {
    tenant: assessment.tenant,
    assessment_id: assessment.assessmentId,
    learner_id: assessment.learnerId,
    course_id: assessment.courseId,
    score,
    level: assessment.level,
    previous_level: assessment.previousLevel,
    reasons: JSON.stringify(reasons),
    detectors: reasons.map((reason) => reason.detector),
    model_version: assessment.modelVersion,
    as_of: storableTime('asOf', assessment.asOf),
    last_activity_at:
      assessment.lastActivityAt === null
        ? null
        : storableTime('lastActivityAt', assessment.lastActivityAt),
    kafka_partition: position.partition,
    kafka_offset: position.offset,
  };
}
