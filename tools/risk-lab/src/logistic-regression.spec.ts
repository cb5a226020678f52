import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitLogistic, predictLogistic, solveLinear, standardise } from './logistic-regression';

describe('logistic regression', () => {
  it('solves a linear system', () => {
    const x = solveLinear(
      [
        [4, 1],
        [1, 3],
      ],
      [1, 2],
    );
    assert.ok(Math.abs((x[0] ?? 0) - 1 / 11) < 1e-12);
    assert.ok(Math.abs((x[1] ?? 0) - 7 / 11) < 1e-12);
  });

  it('standardises columns, leaving a constant column at scale 1', () => {
    assert.deepEqual(
      standardise([
        [1, 5],
        [3, 5],
      ]),
      { center: [2, 5], scale: [1, 1] },
    );
  });

  it('recovers the log-odds of a grouped design', () => {
    // x = 0: 1 of 4 positive (log-odds ln(1/3)); x = 1: 3 of 4 positive (ln 3).
    const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const labels = [1, 0, 0, 0, 1, 1, 1, 0];
    const fit = fitLogistic(rows, labels, { lambda: 0 });
    assert.ok(Math.abs(predictLogistic(fit, [0]) - 0.25) < 1e-9);
    assert.ok(Math.abs(predictLogistic(fit, [1]) - 0.75) < 1e-9);
  });

  it('shrinks weights towards zero as the penalty grows', () => {
    const rows = [[0], [0], [1], [1], [2], [2]];
    const labels = [0, 0, 1, 0, 1, 1];
    const loose = fitLogistic(rows, labels, { lambda: 0.01 });
    const tight = fitLogistic(rows, labels, { lambda: 100 });
    assert.ok(Math.abs(tight.weights[0] ?? 0) < Math.abs(loose.weights[0] ?? 0));
  });
});
