/**
 * The `from`/`to` query of the course activity report: calendar days (UTC), checked with zod,
 * defaulting to the last 30 days. Pure, so every rule has a unit spec.
 */
import { z } from 'zod';
import { paramErrorsOf, type ParamError } from '../params/param-error';

export type { ParamError } from '../params/param-error';

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ActivityRange {
  /** First day, YYYY-MM-DD (UTC). */
  from: string;
  /** Last day, included, YYYY-MM-DD (UTC). */
  to: string;
}

export type RangeResult = { ok: true; range: ActivityRange } | { ok: false; errors: ParamError[] };

export const calendarDay = z
  .string()
  // abort: a malformed value gets one message, not a second one from the calendar check.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD', abort: true })
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    // Date.parse rolls 2025-02-30 over to March; a real day prints back unchanged.
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, 'must be a real calendar date');

const querySchema = z.strictObject(
  {
    from: calendarDay.optional(),
    to: calendarDay.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'is not a known parameter (from, to)' : undefined,
  },
);

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function timeOf(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Number of days from `from` to `to`, both included. */
export function daysInRange(range: ActivityRange): number {
  return Math.round((timeOf(range.to) - timeOf(range.from)) / DAY_MS) + 1;
}

/** Every day of the range, in order. */
export function eachDay(range: ActivityRange): string[] {
  return Array.from({ length: daysInRange(range) }, (_, i) =>
    dayOf(timeOf(range.from) + i * DAY_MS),
  );
}

/**
 * Reads the query: `to` defaults to today (UTC), `from` to 29 days before `to` (30 days in
 * all); `from` may not be after `to`, and a range holds at most 366 days.
 */
export function parseActivityRange(query: unknown, now: number = Date.now()): RangeResult {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) {
    return { ok: false, errors: paramErrorsOf(parsed.error) };
  }
  return resolveDayRange(parsed.data.from, parsed.data.to, now);
}

/** The range rules on already well-formed days: defaults, order, and the 366-day cap. */
export function resolveDayRange(
  givenFrom: string | undefined,
  givenTo: string | undefined,
  now: number = Date.now(),
): RangeResult {
  const to = givenTo ?? dayOf(now);
  const from = givenFrom ?? dayOf(timeOf(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  if (from > to)
    return { ok: false, errors: [{ param: 'from', rule: `must not be after to (${to})` }] };
  const range = { from, to };
  if (daysInRange(range) > MAX_RANGE_DAYS) {
    return {
      ok: false,
      errors: [
        {
          param: 'to',
          rule: `must be at most ${MAX_RANGE_DAYS} days from from (${from}), both included`,
        },
      ],
    };
  }
  return { ok: true, range };
}
