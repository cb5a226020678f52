/**
 * Engagement drop: activity in the last 14 days against the learner's own earlier rate (per 14
 * days) and against the cohort's recent activity.
 */
import { cohortMedian, percentileRank } from '../cohort-quantiles';
import { RECENT_WINDOW_DAYS } from '../learner-metrics';
import { logCount, percent, rounded } from './detector-math';
import { type RiskDetector } from './risk-detector.types';

/** A drop worth a reason: recent activity at most half the usual, from a usual rate of at least this. */
const MIN_USUAL_ACTIVITY = 10;
const DROP_SHARE = 0.5;

export const engagementDropDetector: RiskDetector = {
  id: 'engagement-drop',
  featureNames: [
    'engagement-drop.logRatio',
    'engagement-drop.logRecent',
    'engagement-drop.recentRank',
  ],
  features({ metrics, cohort }) {
    const { recentActivity, historicalActivityPer14Days } = metrics;
    return {
      'engagement-drop.logRatio': Math.log(
        (recentActivity + 1) / (historicalActivityPer14Days + 1),
      ),
      'engagement-drop.logRecent': logCount(recentActivity),
      'engagement-drop.recentRank': percentileRank(cohort.quantiles.recentActivity, recentActivity),
    };
  },
  explain({ metrics, cohort }, features) {
    const recent = rounded(metrics.recentActivity);
    const usual = rounded(metrics.historicalActivityPer14Days);
    const median = rounded(cohortMedian(cohort.quantiles.recentActivity));
    const rank = features['engagement-drop.recentRank'] ?? 1;
    if (usual < MIN_USUAL_ACTIVITY || recent > DROP_SHARE * usual || recent >= median) return null;
    return {
      text:
        `activity in the last ${RECENT_WINDOW_DAYS} days ${recent}, down ${percent(1 - recent / usual)}% ` +
        `on the usual ${usual}; cohort median ${median}`,
      evidence: {
        recentActivity: recent,
        usualActivity: usual,
        cohortMedianRecentActivity: median,
        cohortPercentile: percent(rank),
      },
    };
  },
};
