/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised
 * features. Small and dependency-free: the model has a few dozen features.
 */

export interface LogisticFit {
  center: number[];
  scale: number[];
  weights: number[];
  intercept: number;
}

export interface FitOptions {
  /** L2 penalty on the (standardised) weights, not on the intercept. */
  lambda: number;
  maxIterations?: number;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** Solves A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
export function solveLinear(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) {
      if (Math.abs(a[row]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot] ?? [], a[col] ?? []];
    const head = a[col] ?? [];
    const diagonal = head[col] ?? 0;
    if (Math.abs(diagonal) < 1e-12) throw new Error('singular system in logistic regression');
    for (let row = col + 1; row < n; row += 1) {
      const current = a[row] ?? [];
      const factor = (current[col] ?? 0) / diagonal;
      for (let k = col; k <= n; k += 1) current[k] = (current[k] ?? 0) - factor * (head[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const current = a[row] ?? [];
    let sum = current[n] ?? 0;
    for (let k = row + 1; k < n; k += 1) sum -= (current[k] ?? 0) * (x[k] ?? 0);
    x[row] = sum / (current[row] ?? 1);
  }
  return x;
}

export function standardise(rows: readonly number[][]): { center: number[]; scale: number[] } {
  const width = rows[0]?.length ?? 0;
  const center = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const row of rows)
    row.forEach((value, j) => (center[j] = (center[j] ?? 0) + value / rows.length));
  for (const row of rows) {
    row.forEach(
      (value, j) => (scale[j] = (scale[j] ?? 0) + (value - (center[j] ?? 0)) ** 2 / rows.length),
    );
  }
  return { center, scale: scale.map((variance) => (variance > 1e-12 ? Math.sqrt(variance) : 1)) };
}

export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: FitOptions,
): LogisticFit {
  const { center, scale } = standardise(rows);
  const z = rows.map((row) => [
    1,
    ...row.map((value, j) => (value - (center[j] ?? 0)) / (scale[j] ?? 1)),
  ]);
  const width = (rows[0]?.length ?? 0) + 1;
  let beta = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration += 1) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    z.forEach((x, i) => {
      const p = sigmoid(x.reduce((sum, value, j) => sum + value * (beta[j] ?? 0), 0));
      const residual = p - (labels[i] ?? 0);
      const weight = p * (1 - p);
      for (let j = 0; j < width; j += 1) {
        const xj = x[j] ?? 0;
        gradient[j] = (gradient[j] ?? 0) + residual * xj;
        const line = hessian[j] ?? [];
        for (let k = j; k < width; k += 1) line[k] = (line[k] ?? 0) + weight * xj * (x[k] ?? 0);
      }
    });
    for (let j = 0; j < width; j += 1) {
      const line = hessian[j] ?? [];
      for (let k = 0; k < j; k += 1) line[k] = hessian[k]?.[j] ?? 0;
      if (j > 0) {
        gradient[j] = (gradient[j] ?? 0) + options.lambda * (beta[j] ?? 0);
        line[j] = (line[j] ?? 0) + options.lambda;
      }
    }
    const step = solveLinear(hessian, gradient);
    beta = beta.map((value, j) => value - (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { center, scale, intercept: beta[0] ?? 0, weights: beta.slice(1) };
}

export function predictLogistic(fit: LogisticFit, row: readonly number[]): number {
  let logit = fit.intercept;
  row.forEach((value, j) => {
    logit += ((fit.weights[j] ?? 0) * (value - (fit.center[j] ?? 0))) / (fit.scale[j] ?? 1);
  });
  return sigmoid(logit);
}
