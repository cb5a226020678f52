/** Low engagement: activity and active days so far, absolute and against the cohort. */
import { cohortMedian, percentileRank } from '../cohort-quantiles';
import { logCount, percent, rounded } from './detector-math';
import { type RiskDetector } from './risk-detector.types';

/** Below this cohort percentile rank of activity so far, the detector gives a reason. */
const REASON_RANK = 0.25;

export const lowEngagementDetector: RiskDetector = {
  id: 'low-engagement',
  featureNames: [
    'low-engagement.logActivity',
    'low-engagement.logActiveDays',
    'low-engagement.activityRank',
    'low-engagement.activeDaysRank',
  ],
  features({ metrics, cohort }) {
    return {
      'low-engagement.logActivity': logCount(metrics.totalActivity),
      'low-engagement.logActiveDays': logCount(metrics.activeDays),
      'low-engagement.activityRank': percentileRank(
        cohort.quantiles.totalActivity,
        metrics.totalActivity,
      ),
      'low-engagement.activeDaysRank': percentileRank(
        cohort.quantiles.activeDays,
        metrics.activeDays,
      ),
    };
  },
  explain({ metrics, cohort }, features) {
    const rank = features['low-engagement.activityRank'] ?? 1;
    if (rank >= REASON_RANK) return null;
    const medianActivity = rounded(cohortMedian(cohort.quantiles.totalActivity));
    const medianDays = rounded(cohortMedian(cohort.quantiles.activeDays));
    return {
      text:
        `activity so far ${rounded(metrics.totalActivity)} on ${metrics.activeDays} days; ` +
        `cohort median ${medianActivity} on ${medianDays} days`,
      evidence: {
        activity: rounded(metrics.totalActivity),
        activeDays: metrics.activeDays,
        cohortMedianActivity: medianActivity,
        cohortMedianActiveDays: medianDays,
        cohortPercentile: percent(rank),
      },
    };
  },
};
