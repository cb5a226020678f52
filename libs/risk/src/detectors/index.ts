/** Every detector, in the order their features enter the model. */
import { engagementDropDetector } from './engagement-drop.detector';
import { inactivityDetector } from './inactivity.detector';
import { lateAssessmentDetector } from './late-assessment.detector';
import { lowEngagementDetector } from './low-engagement.detector';
import { lowScoresDetector } from './low-scores.detector';
import { missedAssessmentDetector } from './missed-assessment.detector';
import { type RiskDetector } from './risk-detector.types';
import { withdrawalDetector } from './withdrawal.detector';

export const RISK_DETECTORS: readonly RiskDetector[] = [
  inactivityDetector,
  engagementDropDetector,
  lowEngagementDetector,
  missedAssessmentDetector,
  lateAssessmentDetector,
  lowScoresDetector,
  withdrawalDetector,
];

/** Every feature name, in model order. */
export const FEATURE_NAMES: readonly string[] = RISK_DETECTORS.flatMap(
  (detector) => detector.featureNames,
);
