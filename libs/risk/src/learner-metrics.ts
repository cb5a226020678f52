/** The per-learner metrics of one state as of a moment (see learner-metrics.types). */
import { notImplemented } from './not-implemented';
import { type CohortAssessment } from './cohort-view.types';
import { type LearnerCourseState } from './learner-state.types';
import { type LearnerMetrics } from './learner-metrics.types';

/**
 * Metrics of `state` as of `asOf`, using only facts before asOf (activity: days before asOf's
 * day). `assessments` (the cohort's) give the due dates for missed and late counts;
 * `courseStartAt` bounds inactivity of a learner never active.
 */
export function learnerMetrics(
  state: LearnerCourseState,
  asOf: number,
  assessments: readonly CohortAssessment[],
  courseStartAt: number | null,
): LearnerMetrics {
  return notImplemented('learnerMetrics', state, asOf, assessments, courseStartAt);
}
