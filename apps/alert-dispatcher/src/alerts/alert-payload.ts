/**
 * The JSON body of a webhook alert and its idempotency key. The key is a UUIDv5 of the
 * subscription and the assessment, so every retry and every re-delivery after a restart carries
 * the same key and a receiver can drop repeats.
 */
import { deriveEventId, type RiskAssessment } from '@learnpulse/events';
import { ALERT_ID_NAMESPACE } from './alert-memory';

export const ALERT_EVENT_TYPE = 'learner.risk.raised';

export function idempotencyKeyOf(subscriptionId: string, assessmentId: string): string {
  return deriveEventId(ALERT_ID_NAMESPACE, ['alert', subscriptionId, assessmentId]);
}

export interface AlertPayload {
  id: string;
  type: typeof ALERT_EVENT_TYPE;
  subscriptionId: string;
  tenant: string;
  learnerId: string;
  courseId: string;
  level: RiskAssessment['level'];
  previousLevel: RiskAssessment['previousLevel'];
  score: number;
  reasons: RiskAssessment['reasons'];
  modelVersion: string;
  assessmentId: string;
  asOf: string;
  lastActivityAt: string | null;
}

export function alertPayload(subscriptionId: string, assessment: RiskAssessment): AlertPayload {
  return {
    id: idempotencyKeyOf(subscriptionId, assessment.assessmentId),
    type: ALERT_EVENT_TYPE,
    subscriptionId,
    tenant: assessment.tenant,
    learnerId: assessment.learnerId,
    courseId: assessment.courseId,
    level: assessment.level,
    previousLevel: assessment.previousLevel,
    score: assessment.score,
    reasons: assessment.reasons,
    modelVersion: assessment.modelVersion,
    assessmentId: assessment.assessmentId,
    asOf: new Date(assessment.asOf).toISOString(),
    lastActivityAt:
      assessment.lastActivityAt === null ? null : new Date(assessment.lastActivityAt).toISOString(),
  };
}
