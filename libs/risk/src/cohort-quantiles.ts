/** Percentile summaries of a metric over a cohort, and where a value falls in one. */
import { type Quantiles } from './cohort-view.types';

export const QUANTILE_POINTS = 101;

/** The 0th..100th percentiles (linear interpolation) of `values`; all zeros when empty. */
export function quantilesOf(values: readonly number[]): Quantiles {
  if (values.length === 0) return new Array<number>(QUANTILE_POINTS).fill(0);
  const sorted = [...values].sort((a, b) => a - b);
  const quantiles: number[] = [];
  for (let point = 0; point < QUANTILE_POINTS; point += 1) {
    const position = (point / (QUANTILE_POINTS - 1)) * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.ceil(position);
    const lowValue = sorted[low] ?? 0;
    quantiles.push(lowValue + ((sorted[high] ?? lowValue) - lowValue) * (position - low));
  }
  return quantiles;
}

/** Share of the cohort below `value` (ties count half), 0..1, from its percentiles. */
export function percentileRank(quantiles: Quantiles, value: number): number {
  let below = 0;
  let equal = 0;
  for (const point of quantiles) {
    if (point < value) below += 1;
    else if (point === value) equal += 1;
  }
  return (below + equal / 2) / quantiles.length;
}

/** The median of a cohort metric. */
export function cohortMedian(quantiles: Quantiles): number {
  return quantiles[Math.floor(quantiles.length / 2)] ?? 0;
}

/** A percentile (0..100) of a cohort metric. */
export function cohortPercentile(quantiles: Quantiles, percent: number): number {
  return quantiles[Math.round(percent)] ?? 0;
}
