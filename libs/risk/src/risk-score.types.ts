/** The result of assessing one learner-course as of a moment. */
import { type RiskLevel, type RiskReason } from '@learnpulse/events';

export interface RiskScore {
  tenant: string;
  learnerId: string;
  courseId: string;
  /** Combined score in [0, 1]: the model's probability of withdrawing or failing. */
  score: number;
  level: RiskLevel;
  /** Top reasons (detectors that pushed the score up and have something to say), largest first. */
  reasons: RiskReason[];
  modelVersion: string;
  asOf: number;
  lastActivityAt: number | null;
  /** Every feature the model saw, by name (for audits and the evaluation's CSV). */
  features: Record<string, number>;
}
