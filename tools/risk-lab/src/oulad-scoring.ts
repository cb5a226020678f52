/**
 * Scoring the enrolments of an OULAD replay as of a cutoff: per course, the cohort is built at
 * the cutoff from the course's states, then every eligible enrolment is assessed with
 * @learnpulse/risk's assessRisk, the function the live engine calls.
 */
import { ouladDayToEpochMs } from '@learnpulse/mappers';
import {
  assessRisk,
  buildCohort,
  type CohortView,
  extractFeatures,
  type LearnerCourseState,
  type ModelPhase,
  modelPhase,
  type RiskModel,
  type RiskScore,
} from '@learnpulse/risk';
import {
  cutoffDay,
  type CutoffSpec,
  isEligibleAt,
  type OuladCourse,
  type OuladDataset,
  type OuladEnrolment,
} from './oulad-dataset';
import { enrolmentKey } from './oulad-replay';

export interface CourseCutoff {
  course: OuladCourse;
  day: number;
  asOf: number;
}

export interface ScoringOptions {
  model?: RiskModel;
  /** Use assessments.csv's due dates (default); false: infer them from the cohort's submissions. */
  useCalendar?: boolean;
}

/** The cutoff of each course: its day and the asOf instant (00:00 UTC of that day). */
export function courseCutoffs(dataset: OuladDataset, spec: CutoffSpec): CourseCutoff[] {
  return [...dataset.courses.values()].map((course) => {
    const day = cutoffDay(spec, course);
    return { course, day, asOf: ouladDayToEpochMs(dataset.startDate, day) };
  });
}

/** The course's cohort as of the cutoff. */
export function cohortAt(
  cutoff: CourseCutoff,
  states: ReadonlyMap<string, LearnerCourseState>,
  useCalendar = true,
): CohortView {
  const courseStates = [...states.values()].filter(
    (state) => state.courseId === cutoff.course.courseId,
  );
  return buildCohort(
    cutoff.course.courseId,
    courseStates,
    cutoff.asOf,
    useCalendar ? cutoff.course.calendar : undefined,
  );
}

/** Enrolments of the course eligible at the cutoff (registered by it, not gone before it). */
export function eligibleEnrolments(dataset: OuladDataset, cutoff: CourseCutoff): OuladEnrolment[] {
  return dataset.enrolments.filter(
    (enrolment) =>
      enrolment.courseId === cutoff.course.courseId && isEligibleAt(enrolment, cutoff.day),
  );
}

export interface ScoredEnrolment {
  enrolment: OuladEnrolment;
  cutoff: CourseCutoff;
  risk: RiskScore;
}

export function scoreAtCutoff(
  dataset: OuladDataset,
  states: ReadonlyMap<string, LearnerCourseState>,
  spec: CutoffSpec,
  options: ScoringOptions = {},
): ScoredEnrolment[] {
  const scored: ScoredEnrolment[] = [];
  for (const cutoff of courseCutoffs(dataset, spec)) {
    const cohort = cohortAt(cutoff, states, options.useCalendar ?? true);
    for (const enrolment of eligibleEnrolments(dataset, cutoff)) {
      const state = states.get(enrolmentKey(enrolment.courseId, enrolment.idStudent));
      if (state === undefined) continue;
      const risk = assessRisk(
        state,
        cutoff.asOf,
        cohort,
        options.model === undefined ? {} : { model: options.model },
      );
      scored.push({ enrolment, cutoff, risk });
    }
  }
  return scored;
}

export interface FeatureRow {
  courseId: string;
  day: number;
  idStudent: string;
  phase: ModelPhase;
  features: Record<string, number>;
}

/** Feature rows of every eligible enrolment at a cutoff (for training). */
export function featuresAtCutoff(
  dataset: OuladDataset,
  states: ReadonlyMap<string, LearnerCourseState>,
  spec: CutoffSpec,
  useCalendar = true,
): FeatureRow[] {
  const rows: FeatureRow[] = [];
  for (const cutoff of courseCutoffs(dataset, spec)) {
    const cohort = cohortAt(cutoff, states, useCalendar);
    for (const enrolment of eligibleEnrolments(dataset, cutoff)) {
      const state = states.get(enrolmentKey(enrolment.courseId, enrolment.idStudent));
      if (state === undefined) continue;
      rows.push({
        courseId: enrolment.courseId,
        day: cutoff.day,
        idStudent: enrolment.idStudent,
        phase: modelPhase(cohort, cutoff.asOf),
        features: extractFeatures(state, cutoff.asOf, cohort),
      });
    }
  }
  return rows;
}
