/**
 * Scoring one learner-course as of a moment: detectors' features → model → score, level and
 * reasons. The same function serves the live engine (asOf = now or the daily tick) and the
 * offline evaluation (asOf = the cutoff).
 */
import { notImplemented } from './not-implemented';
import {
  deriveEventId,
  LEARNPULSE_EVENT_ID_NAMESPACE,
  type RiskAssessment,
  type RiskLevel,
} from '@learnpulse/events';
import { type CohortView } from './cohort-view.types';
import { type LearnerCourseState } from './learner-state.types';
import { type RiskModel } from './model/risk-model.types';
import { type RiskScore } from './risk-score.types';

export interface AssessOptions {
  /** Default: RISK_MODEL, the shipped model. */
  model?: RiskModel;
  /** Most reasons to return (default 3). */
  maxReasons?: number;
}

/** Every detector's features of `state` as of `asOf` against `cohort`, by feature name. */
export function extractFeatures(
  state: LearnerCourseState,
  asOf: number,
  cohort: CohortView,
): Record<string, number> {
  return notImplemented('extractFeatures', state, asOf, cohort);
}

/**
 * The risk of `state`'s learner in its course as of `asOf`. Only events that occurred before
 * asOf count (activity at day resolution: days before asOf's day). `cohort` should be built at
 * (or shortly before) asOf from the course's states; a learner unenrolled before asOf gets
 * score 1 with the withdrawal reason.
 */
export function assessRisk(
  state: LearnerCourseState,
  asOf: number,
  cohort: CohortView,
  options?: AssessOptions,
): RiskScore {
  return notImplemented('assessRisk', state, asOf, cohort, options);
}

/** The learner.risk.v1 value of a score (assessmentId: UUIDv5 of tenant, learner, course, model version, asOf). */
export function toRiskAssessment(
  score: RiskScore,
  previousLevel: RiskLevel | null,
): RiskAssessment {
  return {
    assessmentId: deriveEventId(LEARNPULSE_EVENT_ID_NAMESPACE, [
      'risk-assessment',
      score.tenant,
      score.learnerId,
      score.courseId,
      score.modelVersion,
      String(score.asOf),
    ]),
    tenant: score.tenant,
    learnerId: score.learnerId,
    courseId: score.courseId,
    score: score.score,
    level: score.level,
    previousLevel,
    reasons: score.reasons,
    modelVersion: score.modelVersion,
    asOf: score.asOf,
    lastActivityAt: score.lastActivityAt,
  };
}

/**
 * Whether `next` is worth publishing after `previous` (the last published, or null): a change
 * of level, or a score move of at least `minScoreMove` (default 0.05).
 */
export function isMaterialChange(
  previous: Pick<RiskScore, 'score' | 'level'> | null,
  next: Pick<RiskScore, 'score' | 'level'>,
  minScoreMove = 0.05,
): boolean {
  if (previous === null) return true;
  return previous.level !== next.level || Math.abs(next.score - previous.score) >= minScoreMove;
}
