/**
 * Query parameters shared by the reports: ids, calendar days, paging. Each endpoint builds a
 * strict zod object from these (an unknown parameter is an error naming the known ones, so a
 * typo never silently falls back to a default) and reads it with `parseReportQuery`. Pure.
 */
import { z } from 'zod';
import {
  calendarDay,
  resolveDayRange,
  type ActivityRange,
} from '../course-activity/activity-range';
import { decodeCursor, type CursorKey } from './page-cursor';
import { paramErrorsOf, type ParamError } from './param-error';

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
export const MAX_ID_LENGTH = 2048;

export const day = calendarDay;

export const idParam = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`);

export const limitParam = z
  .string()
  .regex(/^\d+$/, { message: `must be a whole number from 1 to ${MAX_LIMIT}`, abort: true })
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_LIMIT, `must be a whole number from 1 to ${MAX_LIMIT}`)
  .default(DEFAULT_LIMIT);

export const cursorParam = z.string().min(1, 'must not be empty');

/** `from` and `to` of a report over days, spread into its query shape. */
export const dayRangeParams = { from: day.optional(), to: day.optional() };

/** `limit` and `cursor` of a paged report, spread into its query shape. */
export const pagingParams = { limit: limitParam, cursor: cursorParam.optional() };

export type QueryResult<T> = { ok: true; value: T } | { ok: false; errors: ParamError[] };

/** A strict object of query parameters whose unknown-key error lists the known ones. */
export function reportQuery<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strict> {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `is not a known parameter (${known})` : undefined,
  });
}

export function parseReportQuery<T>(schema: z.ZodType<T>, query: unknown): QueryResult<T> {
  const parsed = schema.safeParse(query ?? {});
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: paramErrorsOf(parsed.error) };
}

/** The cursor's key, or the error naming `cursor`. */
export function cursorKey(
  cursor: string | undefined,
  shape: string,
): QueryResult<CursorKey | undefined> {
  if (cursor === undefined) return { ok: true, value: undefined };
  const key = decodeCursor(cursor, shape);
  return key === undefined
    ? { ok: false, errors: [{ param: 'cursor', rule: 'is not a cursor of this list' }] }
    : { ok: true, value: key };
}

/** A path id (course, learner): not empty, at most 2048 characters, as Fastify decoded it. */
export function parsePathId(param: string, value: string | undefined): QueryResult<string> {
  const id = value ?? '';
  if (id.trim().length === 0) return { ok: false, errors: [{ param, rule: 'must not be empty' }] };
  if (id.length > MAX_ID_LENGTH) {
    return {
      ok: false,
      errors: [{ param, rule: `must be at most ${MAX_ID_LENGTH} characters` }],
    };
  }
  return { ok: true, value: id };
}

export interface Paging {
  limit: number;
  after: CursorKey | undefined;
}

/** Joins the results of the path id and the query: every broken rule of both, or both values. */
export function combine<A, B, T>(
  a: QueryResult<A>,
  b: QueryResult<B>,
  build: (a: A, b: B) => QueryResult<T>,
): QueryResult<T> {
  const errors: ParamError[] = [...(a.ok ? [] : a.errors), ...(b.ok ? [] : b.errors)];
  if (!a.ok || !b.ok) return { ok: false, errors };
  return build(a.value, b.value);
}

export function paging(
  query: { limit: number; cursor?: string | undefined },
  shape: string,
): QueryResult<Paging> {
  const after = cursorKey(query.cursor, shape);
  return after.ok ? { ok: true, value: { limit: query.limit, after: after.value } } : after;
}

export function withRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: number,
): QueryResult<ActivityRange> {
  const range = resolveDayRange(query.from, query.to, now);
  return range.ok ? { ok: true, value: range.range } : range;
}

/** A resolved day range and a page, for reports over a range: every broken rule of both. */
export function rangeAndPaging(
  query: { from?: string | undefined; to?: string | undefined; limit: number; cursor?: string },
  now: number,
  shape: string,
): QueryResult<{ range: ActivityRange; paging: Paging }> {
  const range = withRange(query, now);
  const page = paging(query, shape);
  if (!range.ok || !page.ok) {
    return {
      ok: false,
      errors: [...(range.ok ? [] : range.errors), ...(page.ok ? [] : page.errors)],
    };
  }
  return { ok: true, value: { range: range.value, paging: page.value } };
}

/**
 * Optional day bounds (both included, `from` not after `to`, no default range) and a page,
 * for event lists in time order; a reversed range is reported before the cursor is read.
 */
export function boundsAndPaging(
  query: { from?: string | undefined; to?: string | undefined; limit: number; cursor?: string },
  shape: string,
): QueryResult<{ from: string | undefined; to: string | undefined; paging: Paging }> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    return { ok: false, errors: [{ param: 'from', rule: `must not be after to (${query.to})` }] };
  }
  const page = paging(query, shape);
  return page.ok
    ? { ok: true, value: { from: query.from, to: query.to, paging: page.value } }
    : page;
}
