import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankingMetrics, rocAuc, topKHits } from './ranking-metrics';

function bruteAuc(scores: number[], labels: number[]): number {
  let sum = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((q, j) => {
      if (labels[j] !== 0) return;
      pairs += 1;
      sum += p > q ? 1 : p === q ? 0.5 : 0;
    });
  });
  return sum / pairs;
}

describe('ranking metrics', () => {
  it('computes the AUC of the reference example, 0.75', () => {
    assert.equal(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  });

  it('agrees with counting pairs, ties as halves', () => {
    const scores = [3, 1, 2, 2, 0, 3, 1, 2, 5, 0];
    const labels = [1, 0, 1, 0, 0, 1, 1, 0, 1, 0];
    assert.ok(Math.abs((rocAuc(scores, labels) ?? 0) - bruteAuc(scores, labels)) < 1e-12);
  });

  it('is undefined when a class is empty', () => {
    assert.equal(rocAuc([1, 2], [1, 1]), null);
  });

  it('counts ties at the top-k boundary fractionally', () => {
    assert.deepEqual(topKHits([1, 1, 1, 1], [1, 0, 0, 0], 0.5), { hits: 0.5, k: 2 });
  });

  it('gives precision of the top 10% and recall of the top 20%', () => {
    const scores = Array.from({ length: 10 }, (_, index) => 10 - index);
    const labels = [1, 0, 1, 1, 0, 0, 0, 0, 0, 1];
    const metrics = rankingMetrics(scores, labels);
    assert.equal(metrics.precisionTop10, 1); // top 1 is at risk
    assert.equal(metrics.recallTop20, 1 / 4); // top 2 hold 1 of the 4 at risk
    assert.equal(metrics.positives, 4);
  });
});
