/**
 * A course's cohort as of a moment: distributions of the learner metrics over the course's
 * learners who are enrolled at asOf, and the course's assessments with their due dates. Built by
 * buildCohort from the states of the course's learners (in the engine: the states one partition
 * holds, a random sample of the course by learner key). Plain JSON, so it can be logged or cached.
 */
import { type LearnerMetricName } from './learner-metrics.types';

/** Where an assessment's due date came from. */
export type DueSource = 'calendar' | 'inferred';

export interface CohortAssessment {
  objectId: string;
  objectType: string;
  /**
   * Due time, epoch ms, or null when unknown yet. From the course calendar when given; else
   * inferred once at least max(3, 25%) of the cohort submitted before asOf: the 80th percentile
   * of their first-attempt times, rounded up to the next midnight.
   */
  dueAt: number | null;
  dueSource: DueSource;
  /** Learners of the cohort with an attempt before asOf. */
  submitters: number;
  /** Median scaled score (0..1) of the cohort's first scored attempts before asOf, or null. */
  medianScaled: number | null;
}

/** 101 values: the 0th, 1st, ..., 100th percentiles of one metric over the cohort. */
export type Quantiles = number[];

export interface CohortView {
  courseId: string;
  asOf: number;
  /** Learners the distributions are over (enrolled at asOf, at least one fact before asOf). */
  size: number;
  /** Day 0 of the course (calendar, else null). */
  courseStartAt: number | null;
  /** Per learner metric, its percentiles over the cohort; all zeros when the cohort is empty. */
  quantiles: Record<LearnerMetricName, Quantiles>;
  /** Assessments in order of due date (unknown due dates last). */
  assessments: CohortAssessment[];
}
