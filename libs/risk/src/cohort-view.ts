/** Building a course's cohort view from its learners' states (see cohort-view.types). */
import { type CohortAssessment, type CohortView } from './cohort-view.types';
import { type CourseCalendar } from './course-calendar.types';
import { quantilesOf } from './cohort-quantiles';
import { learnerMetrics } from './learner-metrics';
import { LEARNER_METRIC_NAMES, type LearnerMetricName } from './learner-metrics.types';
import { type LearnerCourseState } from './learner-state.types';
import { DAY_MS, dayIndex } from './risk-time';

/** Share of the cohort that must have submitted before a due date is inferred. */
export const INFER_MIN_SHARE = 0.25;
const INFER_MIN_SUBMITTERS = 3;
/** Percentile of first-attempt times taken as the inferred due time. */
export const INFER_DUE_PERCENTILE = 0.8;

/** Metrics over learners that have any score (the others have no score to compare). */
const SCORED_ONLY: ReadonlySet<LearnerMetricName> = new Set(['meanScaled', 'scoreTrend']);

function isEnrolledAt(state: LearnerCourseState, asOf: number): boolean {
  let latest: string | undefined;
  for (const change of state.enrolment) if (change.at < asOf) latest = change.action;
  if (latest === 'unenrolled') return false;
  if (latest === 'enrolled') return true;
  // No enrolment known: a member when it acted before asOf.
  const asOfDay = dayIndex(asOf);
  return (
    Object.keys(state.activity).some((day) => Number(day) < asOfDay) ||
    state.assessments.some((record) => record.attempts.some((attempt) => attempt.at < asOf))
  );
}

interface Submissions {
  objectType: string;
  firstAttempts: number[];
  firstScores: number[];
}

function collectSubmissions(
  members: readonly LearnerCourseState[],
  asOf: number,
): Map<string, Submissions> {
  const byObject = new Map<string, Submissions>();
  for (const state of members) {
    for (const record of state.assessments) {
      const first = record.attempts.find((attempt) => attempt.at < asOf);
      if (first === undefined) continue;
      let entry = byObject.get(record.objectId);
      if (entry === undefined) {
        entry = { objectType: record.objectType, firstAttempts: [], firstScores: [] };
        byObject.set(record.objectId, entry);
      }
      entry.firstAttempts.push(first.at);
      const scored = record.attempts.find((item) => item.at < asOf && item.scaled !== null);
      if (scored?.scaled != null) entry.firstScores.push(scored.scaled);
    }
  }
  return byObject;
}

function middle(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/** Inferred due time: the 80th percentile of first attempts, rounded up to the next midnight. */
function inferredDue(firstAttempts: readonly number[]): number {
  const sorted = [...firstAttempts].sort((a, b) => a - b);
  const at =
    sorted[Math.min(sorted.length - 1, Math.floor(INFER_DUE_PERCENTILE * sorted.length))] ?? 0;
  return Math.ceil((at + 1) / DAY_MS) * DAY_MS;
}

function cohortAssessments(
  members: readonly LearnerCourseState[],
  asOf: number,
  calendar: CourseCalendar | undefined,
): CohortAssessment[] {
  const submissions = collectSubmissions(members, asOf);
  const list: CohortAssessment[] = [];
  if (calendar !== undefined) {
    for (const item of calendar.assessments) {
      const seen = submissions.get(item.objectId);
      list.push({
        objectId: item.objectId,
        objectType: item.objectType,
        dueAt: item.dueAt,
        dueSource: 'calendar',
        submitters: seen?.firstAttempts.length ?? 0,
        medianScaled: middle(seen?.firstScores ?? []),
      });
    }
  } else {
    const needed = Math.max(INFER_MIN_SUBMITTERS, INFER_MIN_SHARE * members.length);
    for (const [objectId, seen] of submissions) {
      const known = seen.firstAttempts.length >= needed;
      list.push({
        objectId,
        objectType: seen.objectType,
        dueAt: known ? inferredDue(seen.firstAttempts) : null,
        dueSource: 'inferred',
        submitters: seen.firstAttempts.length,
        medianScaled: middle(seen.firstScores),
      });
    }
  }
  return list.sort(
    (a, b) =>
      (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER) ||
      a.objectId.localeCompare(b.objectId),
  );
}

/**
 * The cohort of `courseId` as of `asOf` from the states of its learners (states of other
 * courses are skipped). Members: learners enrolled at asOf. Only facts before asOf count. With
 * a calendar, its assessments and due dates are used; without one, due dates are inferred from
 * the members' submissions (see CohortAssessment.dueAt). Cost: O(learners × (days + assessments)).
 */
export function buildCohort(
  courseId: string,
  states: Iterable<LearnerCourseState>,
  asOf: number,
  calendar?: CourseCalendar,
): CohortView {
  const members: LearnerCourseState[] = [];
  for (const state of states) {
    if (state.courseId === courseId && isEnrolledAt(state, asOf)) members.push(state);
  }
  const assessments = cohortAssessments(members, asOf, calendar);
  const courseStartAt = calendar?.startAt ?? null;
  const values = Object.fromEntries(LEARNER_METRIC_NAMES.map((name) => [name, [] as number[]]));
  for (const state of members) {
    const metrics = learnerMetrics(state, asOf, assessments, courseStartAt);
    for (const name of LEARNER_METRIC_NAMES) {
      if (SCORED_ONLY.has(name) && metrics.meanScaled < 0) continue;
      values[name]?.push(metrics[name]);
    }
  }
  const quantiles = Object.fromEntries(
    LEARNER_METRIC_NAMES.map((name) => [name, quantilesOf(values[name] ?? [])]),
  ) as CohortView['quantiles'];
  return { courseId, asOf, size: members.length, courseStartAt, assessments, quantiles };
}
