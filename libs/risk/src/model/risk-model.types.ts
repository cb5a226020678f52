/**
 * A combined-score model: logistic regression over standardised detector features, with the
 * cut-offs that band its score into levels. Trained offline by tools/risk-lab (see README).
 */
export interface RiskModel {
  /** Identifies weights and cut-offs together; goes into every RiskAssessment.modelVersion. */
  version: string;
  kind: 'logistic-regression';
  /** Feature names (DetectorId.name), in the order of center, scale and weights. */
  features: string[];
  /** Standardisation: z = (x - center) / scale. */
  center: number[];
  scale: number[];
  weights: number[];
  intercept: number;
  /** score >= high → 'high'; score >= medium → 'medium'; else 'low'. */
  cutoffs: { medium: number; high: number };
  /** How the model was trained and checked (free text and figures, for the README and audits). */
  provenance: Record<string, string | number>;
}
