/**
 * Time in the risk model: features work on whole UTC days. A day index is the number of days
 * since the Unix epoch; an assessment as of `asOf` counts only days before asOf's day, so an
 * event at or after asOf can never reach a feature (and today's clicks count from midnight).
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Day index (days since 1970-01-01 UTC) of an epoch-millisecond instant. */
export function dayIndex(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

/** Epoch ms of 00:00 UTC of a day index. */
export function dayStart(day: number): number {
  return day * DAY_MS;
}
