/** Small numeric helpers the detectors share. */

/** ln(1 + x) of a non-negative count. */
export function logCount(value: number): number {
  return Math.log1p(Math.max(0, value));
}

/** A figure rounded for reason texts and evidence (at most one decimal). */
export function rounded(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A 0..1 share as a whole percentage. */
export function percent(share: number): number {
  return Math.round(share * 100);
}
