/**
 * Plain per-learner figures as of a moment, computed from one state and the cohort's assessment
 * list: the inputs of the detectors' features, and what the cohort's distributions are over.
 */
export const LEARNER_METRIC_NAMES = [
  /** Days since the learner's last active day (whole days before asOf's day); since enrolment or course start when never active. */
  'inactiveDays',
  /** Median gap in days between consecutive active days (the learner's own rhythm); 0 with fewer than 2 active days. */
  'typicalGapDays',
  /** Active days before asOf. */
  'activeDays',
  /** Activity weight (clicks, or events) before asOf. */
  'totalActivity',
  /** Activity weight in the 14 days before asOf's day. */
  'recentActivity',
  /** Mean activity weight per 14 days over the learner's history before the recent window. */
  'historicalActivityPer14Days',
  /** Assessments due before asOf (cohort list) the learner has no attempt at before asOf. */
  'missedAssessments',
  /** Assessments due before asOf whose first attempt came after the due time. */
  'lateAssessments',
  /** Assessments due before asOf. */
  'dueAssessments',
  /** Mean scaled score (0..1) of the learner's first scored attempts before asOf; NaN-free: -1 when none. */
  'meanScaled',
  /** Latest scaled score minus the mean of the earlier ones; 0 with fewer than 2 scores. */
  'scoreTrend',
  /** Days from enrolment to asOf (0 when no enrolment is known). */
  'daysEnrolled',
] as const;

export type LearnerMetricName = (typeof LEARNER_METRIC_NAMES)[number];

export type LearnerMetrics = Record<LearnerMetricName, number> & {
  /** Enrolment status at asOf: true when the latest enrolment change before asOf is an unenrolment. */
  unenrolled: boolean;
  /**
   * When the learner last acted before asOf: the time of the latest attempt at an assessment
   * before asOf, or 00:00 UTC of the last active day before asOf's day if later; null when never.
   */
  lastActivityAt: number | null;
};
