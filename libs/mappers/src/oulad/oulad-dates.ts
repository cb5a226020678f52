/**
 * OULAD dates are day offsets from the start of a module-presentation (the dataset gives no
 * calendar dates); the importer is told the start and places each day at 00:00 UTC.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` → epoch ms at 00:00 UTC, or null when it is not a real calendar date. */
export function parseOuladStartDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epoch = Date.UTC(year, month - 1, day);
  const date = new Date(epoch);
  // Date.UTC rolls 2013-02-30 over to March: refuse it instead.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return epoch;
}

export function ouladDayToEpochMs(startDate: number, day: number): number {
  return startDate + day * DAY_MS;
}
