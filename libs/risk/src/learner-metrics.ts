/**
 * The per-learner metrics of one state as of a moment (see learner-metrics.types). Activity
 * counts by whole UTC days before asOf's day; attempts and enrolment changes by their exact
 * time before asOf. Nothing at or after asOf is read.
 */
import { type CohortAssessment } from './cohort-view.types';
import { type LearnerCourseState } from './learner-state.types';
import { type LearnerMetrics } from './learner-metrics.types';
import { dayIndex, dayStart } from './risk-time';

/** The recent window of the engagement-drop comparison. */
export const RECENT_WINDOW_DAYS = 14;
const MAX_INACTIVE_DAYS = 400;

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Active days before `beforeDay` with their weights, oldest first. */
function activeDaysBefore(state: LearnerCourseState, beforeDay: number): [number, number][] {
  const days: [number, number][] = [];
  for (const [key, weight] of Object.entries(state.activity)) {
    const day = Number(key);
    if (day < beforeDay && weight > 0) days.push([day, weight]);
  }
  return days.sort((a, b) => a[0] - b[0]);
}

/** Latest enrolment change before asOf, or undefined. */
function enrolmentAt(state: LearnerCourseState, asOf: number) {
  let latest: LearnerCourseState['enrolment'][number] | undefined;
  for (const change of state.enrolment) if (change.at < asOf) latest = change;
  return latest;
}

function latestEnrolledAt(state: LearnerCourseState, asOf: number): number | null {
  let at: number | null = null;
  for (const change of state.enrolment) {
    if (change.at < asOf && change.action === 'enrolled') at = change.at;
  }
  return at;
}

interface ScoreFacts {
  meanScaled: number;
  scoreTrend: number;
}

/** Mean of the first scored attempt per assessment before asOf, and the latest one's departure from the earlier mean. */
function scoreFacts(state: LearnerCourseState, asOf: number): ScoreFacts {
  const scored: [number, number][] = [];
  for (const record of state.assessments) {
    const first = record.attempts.find((attempt) => attempt.at < asOf && attempt.scaled !== null);
    if (first?.scaled != null) scored.push([first.at, first.scaled]);
  }
  if (scored.length === 0) return { meanScaled: -1, scoreTrend: 0 };
  scored.sort((a, b) => a[0] - b[0]);
  const values = scored.map(([, value]) => value);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length < 2) return { meanScaled: mean, scoreTrend: 0 };
  const earlier = values.slice(0, -1);
  const earlierMean = earlier.reduce((sum, value) => sum + value, 0) / earlier.length;
  return { meanScaled: mean, scoreTrend: (values.at(-1) ?? earlierMean) - earlierMean };
}

interface DueFacts {
  dueAssessments: number;
  missedAssessments: number;
  lateAssessments: number;
}

function dueFacts(
  state: LearnerCourseState,
  asOf: number,
  assessments: readonly CohortAssessment[],
): DueFacts {
  const facts = { dueAssessments: 0, missedAssessments: 0, lateAssessments: 0 };
  for (const assessment of assessments) {
    if (assessment.dueAt === null || assessment.dueAt >= asOf) continue;
    facts.dueAssessments += 1;
    const record = state.assessments.find((item) => item.objectId === assessment.objectId);
    const first = record?.attempts.find((attempt) => attempt.at < asOf);
    if (first === undefined) facts.missedAssessments += 1;
    else if (first.at > assessment.dueAt) facts.lateAssessments += 1;
  }
  return facts;
}

/**
 * Metrics of `state` as of `asOf`. `assessments` (the cohort's) give the due dates for the
 * missed and late counts; `courseStartAt` is where inactivity of a never-active learner and the
 * history of the engagement comparison start, when it is known.
 */
export function learnerMetrics(
  state: LearnerCourseState,
  asOf: number,
  assessments: readonly CohortAssessment[],
  courseStartAt: number | null,
): LearnerMetrics {
  const asOfDay = dayIndex(asOf);
  const days = activeDaysBefore(state, asOfDay);
  const enrolledAt = latestEnrolledAt(state, asOf);
  const startDay = courseStartAt === null ? null : dayIndex(courseStartAt);
  const firstDay = days[0]?.[0];
  const lastDay = days.at(-1)?.[0];

  // Inactivity: from the last active day, else from enrolment or the course start (the later).
  const anchors = [enrolledAt === null ? null : dayIndex(enrolledAt), startDay].filter(
    (day): day is number => day !== null,
  );
  const reference = lastDay ?? (anchors.length > 0 ? Math.max(...anchors) : asOfDay);
  const inactiveDays = Math.min(MAX_INACTIVE_DAYS, Math.max(0, asOfDay - reference));

  const gaps: number[] = [];
  for (let index = 1; index < days.length; index += 1) {
    gaps.push((days[index]?.[0] ?? 0) - (days[index - 1]?.[0] ?? 0));
  }
  gaps.sort((a, b) => a - b);

  const recentFrom = asOfDay - RECENT_WINDOW_DAYS;
  let totalActivity = 0;
  let recentActivity = 0;
  for (const [day, weight] of days) {
    totalActivity += weight;
    if (day >= recentFrom) recentActivity += weight;
  }
  const historyFrom = Math.min(firstDay ?? recentFrom, startDay ?? recentFrom);
  const historyDays = recentFrom - historyFrom;
  const historicalActivityPer14Days =
    historyDays > 0
      ? ((totalActivity - recentActivity) / historyDays) * RECENT_WINDOW_DAYS
      : recentActivity;

  const latestChange = enrolmentAt(state, asOf);
  // Day resolution (like every activity figure), but a submission before asOf counts at its time.
  let lastActivityAt = lastDay === undefined ? null : dayStart(lastDay);
  for (const record of state.assessments) {
    for (const attempt of record.attempts) {
      if (attempt.at < asOf && attempt.at > (lastActivityAt ?? Number.NEGATIVE_INFINITY)) {
        lastActivityAt = attempt.at;
      }
    }
  }

  return {
    inactiveDays,
    typicalGapDays: median(gaps),
    activeDays: days.length,
    totalActivity,
    recentActivity,
    historicalActivityPer14Days,
    ...dueFacts(state, asOf, assessments),
    ...scoreFacts(state, asOf),
    daysEnrolled: enrolledAt === null ? 0 : Math.max(0, asOfDay - dayIndex(enrolledAt)),
    unenrolled: latestChange?.action === 'unenrolled',
    lastActivityAt,
  };
}
