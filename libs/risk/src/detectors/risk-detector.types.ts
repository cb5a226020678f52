/**
 * The interface every detector implements. A detector turns the shared learner state (kept up
 * to date by the state trackers of applyEvent) and the course cohort into a few named numeric
 * features, and explains itself in words with the evidence behind them. Pure: no I/O, no clock.
 */
import { type CohortView } from '../cohort-view.types';
import { type LearnerCourseState } from '../learner-state.types';
import { type LearnerMetrics } from '../learner-metrics.types';

export const DETECTOR_IDS = [
  'inactivity',
  'engagement-drop',
  'low-engagement',
  'missed-assessment',
  'late-assessment',
  'low-scores',
  'withdrawal',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

/** What a detector sees: one learner's state and metrics as of asOf, and the cohort. */
export interface DetectorContext {
  state: LearnerCourseState;
  asOf: number;
  metrics: LearnerMetrics;
  cohort: CohortView;
}

/** A reason in words, with the figures behind it (become RiskReason.text and .evidence). */
export interface ReasonDraft {
  text: string;
  evidence: Record<string, number>;
}

export interface RiskDetector {
  id: DetectorId;
  /** Names of the features it computes (`<id>.<name>`), in a fixed order the model refers to. */
  featureNames: readonly string[];
  /** The features, one finite number per name in featureNames. */
  features(ctx: DetectorContext): Record<string, number>;
  /** Why this learner is at risk by this detector, or null when it finds nothing worth saying. */
  explain(ctx: DetectorContext, features: Record<string, number>): ReasonDraft | null;
}
