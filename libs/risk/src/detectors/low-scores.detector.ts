/**
 * Low and falling scores: the mean of the learner's first scored attempts against the cohort,
 * and the latest score against the learner's earlier ones.
 */
import { cohortMedian, percentileRank } from '../cohort-quantiles';
import { percent } from './detector-math';
import { type DetectorContext, type RiskDetector } from './risk-detector.types';

const LOW_MEAN = 0.4;
const LOW_RANK = 0.25;
const FALLING = -0.15;

function cohortMedianScore(ctx: DetectorContext): number | null {
  // The percentiles of meanScaled are over scored learners only; all zeros when there are none.
  return ctx.cohort.quantiles.meanScaled.some((value) => value !== 0)
    ? cohortMedian(ctx.cohort.quantiles.meanScaled)
    : null;
}

export const lowScoresDetector: RiskDetector = {
  id: 'low-scores',
  featureNames: [
    'low-scores.hasScore',
    'low-scores.deficit',
    'low-scores.rank',
    'low-scores.trend',
  ],
  features(ctx) {
    const { meanScaled, scoreTrend } = ctx.metrics;
    const hasScore = meanScaled >= 0;
    const median = cohortMedianScore(ctx);
    return {
      'low-scores.hasScore': hasScore ? 1 : 0,
      'low-scores.deficit': hasScore && median !== null ? median - meanScaled : 0,
      'low-scores.rank': hasScore
        ? percentileRank(ctx.cohort.quantiles.meanScaled, meanScaled)
        : 0.5,
      'low-scores.trend': scoreTrend,
    };
  },
  explain(ctx, features) {
    const { meanScaled, scoreTrend } = ctx.metrics;
    if (meanScaled < 0) return null;
    const rank = features['low-scores.rank'] ?? 1;
    if (meanScaled >= LOW_MEAN && rank >= LOW_RANK && scoreTrend > FALLING) return null;
    const median = cohortMedianScore(ctx);
    const evidence: Record<string, number> = { meanScorePercent: percent(meanScaled) };
    let text = `mean score ${percent(meanScaled)}%`;
    if (median !== null) {
      evidence['cohortMedianScorePercent'] = percent(median);
      text += ` (cohort median ${percent(median)}%)`;
    }
    if (scoreTrend <= FALLING) {
      evidence['latestChangePoints'] = percent(scoreTrend);
      text += `; latest score ${percent(-scoreTrend)} points below the earlier mean`;
    }
    return { text, evidence };
  },
};
