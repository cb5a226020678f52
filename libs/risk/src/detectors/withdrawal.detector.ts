/**
 * Withdrawal behaviour: an unenrolment, activity that stopped after a start (far longer than the
 * learner's own rhythm and the cohort's 90th percentile), never starting, and a late enrolment.
 */
import { cohortPercentile } from '../cohort-quantiles';
import { logCount, rounded } from './detector-math';
import { type DetectorContext, type ReasonDraft, type RiskDetector } from './risk-detector.types';

const MIN_ACTIVE_DAYS = 3;
const MIN_STOP_DAYS = 14;
const RHYTHM_FACTOR = 3;

function stoppedAfter(ctx: DetectorContext): number {
  const { activeDays, inactiveDays, typicalGapDays } = ctx.metrics;
  const usual = Math.max(
    MIN_STOP_DAYS,
    RHYTHM_FACTOR * typicalGapDays,
    cohortPercentile(ctx.cohort.quantiles.inactiveDays, 90),
  );
  return activeDays >= MIN_ACTIVE_DAYS && inactiveDays >= usual ? usual : 0;
}

export const withdrawalDetector: RiskDetector = {
  id: 'withdrawal',
  featureNames: [
    'withdrawal.unenrolled',
    'withdrawal.stopped',
    'withdrawal.neverActive',
    'withdrawal.logDaysEnrolled',
  ],
  features(ctx) {
    const { metrics } = ctx;
    return {
      'withdrawal.unenrolled': metrics.unenrolled ? 1 : 0,
      'withdrawal.stopped': stoppedAfter(ctx) > 0 ? 1 : 0,
      'withdrawal.neverActive': metrics.activeDays === 0 ? 1 : 0,
      'withdrawal.logDaysEnrolled': logCount(metrics.daysEnrolled),
    };
  },
  explain(ctx): ReasonDraft | null {
    const { metrics } = ctx;
    if (metrics.unenrolled) {
      return { text: 'unenrolled from the course', evidence: { unenrolled: 1 } };
    }
    const usual = stoppedAfter(ctx);
    if (usual > 0) {
      return {
        text:
          `activity stopped ${metrics.inactiveDays} days ago after ${metrics.activeDays} active days; ` +
          `a gap this long is rarer than 1 in 10 in the cohort`,
        evidence: {
          daysInactive: metrics.inactiveDays,
          activeDays: metrics.activeDays,
          stopThresholdDays: rounded(usual),
        },
      };
    }
    if (metrics.activeDays === 0 && metrics.daysEnrolled >= MIN_ACTIVE_DAYS) {
      return {
        text: `enrolled ${metrics.daysEnrolled} days ago and never active`,
        evidence: { daysEnrolled: metrics.daysEnrolled, activeDays: 0 },
      };
    }
    return null;
  },
};
