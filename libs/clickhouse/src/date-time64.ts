/** ClickHouse's text form of a DateTime64(3, 'UTC') value, the one JSONEachRow reads unambiguously. */
export function toDateTime64(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a time: ${epochMs}`);
  const iso = new Date(epochMs).toISOString(); // 2024-05-01T10:20:30.123Z
  if (iso.length !== 24) throw new RangeError(`time outside years 0000-9999: ${epochMs}`);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** The range DateTime64 can store (1900-01-01 .. 2299-12-31); rows outside it fail the insert. */
export const DATE_TIME64_MIN_MS = Date.UTC(1900, 0, 1);
export const DATE_TIME64_MAX_MS = Date.UTC(2299, 11, 31, 23, 59, 59, 999);

export function isStorableTime(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= DATE_TIME64_MIN_MS && epochMs <= DATE_TIME64_MAX_MS;
}
