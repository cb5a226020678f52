/** Building a course's cohort view from its learners' states (see cohort-view.types). */
import { notImplemented } from './not-implemented';
import { type CourseCalendar } from './course-calendar.types';
import { type CohortView } from './cohort-view.types';
import { type LearnerCourseState } from './learner-state.types';

/**
 * The cohort of `courseId` as of `asOf` from the states of its learners (states of other courses
 * are skipped). Only facts before asOf count. With a calendar, its due dates are used; without,
 * due dates are inferred from the cohort's submissions (see CohortAssessment.dueAt). Cost:
 * O(learners × (days + assessments)); the engine rebuilds it on its daily tick per course.
 */
export function buildCohort(
  courseId: string,
  states: Iterable<LearnerCourseState>,
  asOf: number,
  calendar?: CourseCalendar,
): CohortView {
  return notImplemented('buildCohort', courseId, states, asOf, calendar);
}
