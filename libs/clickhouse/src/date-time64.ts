const DAY_MS = 86_400_000;

/** The date part of the last day formatted: a sink batch's rows share a handful of days. */
let cachedDay = Number.NaN;
let cachedDate = '';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * ClickHouse's text form of a DateTime64(3, 'UTC') value, the one JSONEachRow reads
 * unambiguously. Only the date goes through Date (cached per day): the sink formats two
 * times per row, and toISOString() for each was 5 % of its CPU.
 */
export function toDateTime64(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a time: ${epochMs}`);
  const ms = Math.trunc(epochMs);
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    const iso = new Date(day * DAY_MS).toISOString(); // 2024-05-01T00:00:00.000Z
    if (iso.length !== 24) throw new RangeError(`time outside years 0000-9999: ${epochMs}`);
    cachedDay = day;
    cachedDate = iso.slice(0, 10);
  }
  const ofDay = ms - day * DAY_MS;
  const seconds = Math.floor(ofDay / 1000);
  return (
    `${cachedDate} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:` +
    `${pad2(seconds % 60)}.${pad3(ofDay % 1000)}`
  );
}

/** The range DateTime64 can store (1900-01-01 .. 2299-12-31); rows outside it fail the insert. */
export const DATE_TIME64_MIN_MS = Date.UTC(1900, 0, 1);
export const DATE_TIME64_MAX_MS = Date.UTC(2299, 11, 31, 23, 59, 59, 999);

export function isStorableTime(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= DATE_TIME64_MIN_MS && epochMs <= DATE_TIME64_MAX_MS;
}
