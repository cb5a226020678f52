/**
 * The evaluation's metrics, computed exactly as ../shared/tools/oulad_auc.py does: ROC AUC by
 * Mann-Whitney with mid-ranks for ties, and precision of the top 10% / recall of the top 20%
 * with ties at the boundary counted fractionally (k = ceil(share × n)).
 */

export interface RankingMetrics {
  n: number;
  positives: number;
  auc: number | null;
  precisionTop10: number | null;
  recallTop20: number | null;
}

export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const n = scores.length;
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((_, index) => index).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] ?? 0] === scores[order[i] ?? 0]) j += 1;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) rankSum += mid * (labels[order[k] ?? 0] ?? 0);
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Expected positives among the top ceil(share × n) by score, and that k. */
export function topKHits(
  scores: readonly number[],
  labels: readonly number[],
  share: number,
): { hits: number; k: number } {
  const n = scores.length;
  const k = Math.ceil(share * n - 1e-9);
  if (n === 0 || k === 0) return { hits: 0, k };
  const order = scores.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  let hits = 0;
  let taken = 0;
  for (let i = 0; i < n && taken < k;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] ?? 0] === scores[order[i] ?? 0]) j += 1;
    const size = j - i + 1;
    let positives = 0;
    for (let t = i; t <= j; t += 1) positives += labels[order[t] ?? 0] ?? 0;
    const take = Math.min(size, k - taken);
    hits += (positives * take) / size;
    taken += take;
    i = j + 1;
  }
  return { hits, k };
}

export function rankingMetrics(
  scores: readonly number[],
  labels: readonly number[],
): RankingMetrics {
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const top10 = topKHits(scores, labels, 0.1);
  const top20 = topKHits(scores, labels, 0.2);
  return {
    n: scores.length,
    positives,
    auc: rocAuc(scores, labels),
    precisionTop10: top10.k > 0 ? top10.hits / top10.k : null,
    recallTop20: positives > 0 ? top20.hits / positives : null,
  };
}
