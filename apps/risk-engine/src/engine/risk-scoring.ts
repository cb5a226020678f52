/**
 * What the engine needs from @learnpulse/risk, as one port: the live engine uses libsRiskScoring
 * (the library itself, the same functions the offline evaluation calls); unit specs of the
 * engine's bookkeeping pass a small scoring of their own.
 */
import { type RiskLevel } from '@learnpulse/events';
import {
  applyEvent,
  assessRisk,
  buildCohort,
  type CohortView,
  createLearnerState,
  isMaterialChange,
  type LearnerCourseKey,
  type LearnerCourseState,
  type RiskScore,
} from '@learnpulse/risk';
import { type LearningEvent } from '@learnpulse/events';

export interface RiskScoring {
  createState(key: LearnerCourseKey): LearnerCourseState;
  applyEvent(state: LearnerCourseState, event: LearningEvent): 'applied' | 'duplicate' | 'ignored';
  buildCohort(courseId: string, states: Iterable<LearnerCourseState>, asOf: number): CohortView;
  assess(state: LearnerCourseState, asOf: number, cohort: CohortView): RiskScore;
  isMaterialChange(
    previous: { score: number; level: RiskLevel } | null,
    next: { score: number; level: RiskLevel },
    minScoreMove: number,
  ): boolean;
}

export const libsRiskScoring: RiskScoring = {
  createState: createLearnerState,
  applyEvent,
  buildCohort: (courseId, states, asOf) => buildCohort(courseId, states, asOf),
  assess: (state, asOf, cohort) => assessRisk(state, asOf, cohort),
  isMaterialChange,
};
