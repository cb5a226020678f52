/**
 * Inactivity: days since the learner's last active day, against the learner's own rhythm (the
 * median gap between active days) and against the cohort (median and percentile rank).
 */
import { cohortMedian, percentileRank } from '../cohort-quantiles';
import { logCount, rounded } from './detector-math';
import { type RiskDetector } from './risk-detector.types';

export const inactivityDetector: RiskDetector = {
  id: 'inactivity',
  featureNames: ['inactivity.logDays', 'inactivity.vsRhythm', 'inactivity.cohortRank'],
  features({ metrics, cohort }) {
    const { inactiveDays, typicalGapDays } = metrics;
    return {
      'inactivity.logDays': logCount(inactiveDays),
      'inactivity.vsRhythm': logCount(inactiveDays / Math.max(1, typicalGapDays)),
      'inactivity.cohortRank': percentileRank(cohort.quantiles.inactiveDays, inactiveDays),
    };
  },
  explain({ metrics, cohort }) {
    const days = metrics.inactiveDays;
    const median = rounded(cohortMedian(cohort.quantiles.inactiveDays));
    if (days < 3 || days <= median) return null;
    const evidence: Record<string, number> = { daysInactive: days, cohortMedianDays: median };
    let text = `no activity for ${days} days; cohort median ${median}`;
    if (metrics.activeDays >= 2) {
      evidence['usualGapDays'] = rounded(metrics.typicalGapDays);
      text += `; usually active every ${rounded(metrics.typicalGapDays)} days`;
    } else if (metrics.activeDays === 0) {
      text = `no activity at all in ${days} days; cohort median ${median} days since last activity`;
    }
    return { text, evidence };
  },
};
