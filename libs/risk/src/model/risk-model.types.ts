/**
 * A combined-score model: logistic regression over standardised detector features, one set of
 * weights per course phase, with the cut-offs that band its score into levels. Trained offline
 * by tools/risk-lab (see README).
 */

/**
 * Phase of a course as of a moment: before any assessment of the cohort's list is due (only
 * activity tells learners apart), or after (submissions and scores do too).
 */
export const MODEL_PHASES = ['before-first-due', 'after-first-due'] as const;
export type ModelPhase = (typeof MODEL_PHASES)[number];

/** The weights of one phase: z = (x - center) / scale; score = sigmoid(intercept + Σ w·z). */
export interface ModelSegment {
  phase: ModelPhase;
  /** Feature names (`<detector id>.<name>`), in the order of center, scale and weights. */
  features: string[];
  center: number[];
  scale: number[];
  weights: number[];
  intercept: number;
}

export interface RiskModel {
  /** Identifies weights and cut-offs together; goes into every RiskAssessment.modelVersion. */
  version: string;
  kind: 'logistic-regression';
  /** One segment per phase. */
  segments: ModelSegment[];
  /** score >= high → 'high'; score >= medium → 'medium'; else 'low'. */
  cutoffs: { medium: number; high: number };
  /** How the model was trained and checked (free text and figures, for the README and audits). */
  provenance: Record<string, string | number>;
}
