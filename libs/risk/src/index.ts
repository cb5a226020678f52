/**
 * @learnpulse/risk: learner-risk detectors, features, the combined score and its reasons. Pure
 * (no I/O, no clock): the live risk-engine and the offline OULAD evaluation call the same code.
 *
 * Streaming use: keep one LearnerCourseState per learnerStateKey; applyEvent(state, event) per
 * event; snapshot with serializeLearnerState / restore with parseLearnerState; per course,
 * buildCohort(courseId, states, asOf) on the daily tick; assessRisk(state, asOf, cohort) after
 * an event and on the tick; publish toRiskAssessment(...) when isMaterialChange(...).
 */
export { DAY_MS, dayIndex, dayStart } from './risk-time';
export {
  type AssessmentAttempt,
  type AssessmentRecord,
  type EnrolmentChange,
  type LearnerCourseKey,
  type LearnerCourseState,
  LEARNER_STATE_VERSION,
} from './learner-state.types';
export {
  type ApplyOutcome,
  applyEvent,
  createLearnerState,
  learnerCourseKeyOf,
  learnerStateKey,
  parseLearnerState,
  serializeLearnerState,
} from './learner-state';
export { type CalendarAssessment, type CourseCalendar } from './course-calendar.types';
export {
  type CohortAssessment,
  type CohortView,
  type DueSource,
  type Quantiles,
} from './cohort-view.types';
export { buildCohort } from './cohort-view';
export {
  LEARNER_METRIC_NAMES,
  type LearnerMetricName,
  type LearnerMetrics,
} from './learner-metrics.types';
export { learnerMetrics } from './learner-metrics';
export {
  DETECTOR_IDS,
  type DetectorContext,
  type DetectorId,
  type ReasonDraft,
  type RiskDetector,
} from './detectors/risk-detector.types';
export { FEATURE_NAMES, RISK_DETECTORS } from './detectors';
export {
  MODEL_PHASES,
  type ModelPhase,
  type ModelSegment,
  type RiskModel,
} from './model/risk-model.types';
export { currentRiskModel, parseRiskModel } from './model/current-model';
export { cohortMedian, percentileRank, quantilesOf } from './cohort-quantiles';
export { type RiskScore } from './risk-score.types';
export {
  type AssessOptions,
  assessRisk,
  extractFeatures,
  isMaterialChange,
  modelPhase,
  toRiskAssessment,
} from './assess-risk';
