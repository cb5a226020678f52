/**
 * The query parameters of every course report (GET /v1/courses/:courseId/...), read into
 * typed values or the list of broken rules. Pure, with a spec.
 */
import { z } from 'zod';
import type { ActivityRange } from '../course-activity/activity-range';
import {
  boundsAndPaging,
  combine,
  dayRangeParams,
  idParam,
  pagingParams,
  parsePathId,
  parseReportQuery,
  paging,
  rangeAndPaging,
  reportQuery,
  withRange,
  type Paging,
  type QueryResult,
} from '../params/report-query';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevelName = (typeof RISK_LEVELS)[number];

const engagementQuery = reportQuery({
  ...dayRangeParams,
  interval: z.enum(['day', 'week'], { message: 'must be day or week' }).default('day'),
});

export interface EngagementParams {
  courseId: string;
  range: ActivityRange;
  interval: 'day' | 'week';
}

export function parseEngagementParams(
  courseId: string | undefined,
  query: unknown,
  now: number = Date.now(),
): QueryResult<EngagementParams> {
  return combine(
    parsePathId('courseId', courseId),
    parseReportQuery(engagementQuery, query),
    (id, q) => {
      const range = withRange(q, now);
      return range.ok
        ? { ok: true, value: { courseId: id, range: range.value, interval: q.interval } }
        : range;
    },
  );
}

const objectListQuery = reportQuery({ objectId: idParam.optional(), ...pagingParams });

export interface ObjectListParams {
  courseId: string;
  objectId: string | undefined;
  paging: Paging;
}

/** completion and scores: one row per activity (object), paged by object id. */
export function parseObjectListParams(
  courseId: string | undefined,
  query: unknown,
): QueryResult<ObjectListParams> {
  return combine(
    parsePathId('courseId', courseId),
    parseReportQuery(objectListQuery, query),
    (id, q) => {
      const page = paging(q, 's');
      return page.ok
        ? { ok: true, value: { courseId: id, objectId: q.objectId, paging: page.value } }
        : page;
    },
  );
}

const videosQuery = reportQuery({
  ...dayRangeParams,
  objectId: idParam.optional(),
  ...pagingParams,
});

export interface VideosParams extends ObjectListParams {
  range: ActivityRange;
}

export function parseVideosParams(
  courseId: string | undefined,
  query: unknown,
  now: number = Date.now(),
): QueryResult<VideosParams> {
  return combine(
    parsePathId('courseId', courseId),
    parseReportQuery(videosQuery, query),
    (id, q) => {
      const both = rangeAndPaging(q, now, 's');
      return both.ok
        ? { ok: true, value: { courseId: id, objectId: q.objectId, ...both.value } }
        : both;
    },
  );
}

const enrolmentsQuery = reportQuery({
  status: z
    .enum(['enrolled', 'unenrolled', 'all'], { message: 'must be enrolled, unenrolled or all' })
    .default('enrolled'),
  ...pagingParams,
});

export interface EnrolmentsParams {
  courseId: string;
  status: 'enrolled' | 'unenrolled' | 'all';
  paging: Paging;
}

export function parseEnrolmentsParams(
  courseId: string | undefined,
  query: unknown,
): QueryResult<EnrolmentsParams> {
  return combine(
    parsePathId('courseId', courseId),
    parseReportQuery(enrolmentsQuery, query),
    (id, q) => {
      const page = paging(q, 's');
      return page.ok
        ? { ok: true, value: { courseId: id, status: q.status, paging: page.value } }
        : page;
    },
  );
}

const enrolmentHistoryQuery = reportQuery({
  learnerId: idParam.optional(),
  ...dayRangeParams,
  ...pagingParams,
});

export interface EnrolmentHistoryParams {
  courseId: string;
  learnerId: string | undefined;
  /** Optional bounds, days both included. */
  from: string | undefined;
  to: string | undefined;
  paging: Paging;
}

export function parseEnrolmentHistoryParams(
  courseId: string | undefined,
  query: unknown,
): QueryResult<EnrolmentHistoryParams> {
  return combine(
    parsePathId('courseId', courseId),
    parseReportQuery(enrolmentHistoryQuery, query),
    (id, q) => {
      const both = boundsAndPaging(q, 'ns');
      return both.ok
        ? { ok: true, value: { courseId: id, learnerId: q.learnerId, ...both.value } }
        : both;
    },
  );
}

const levelList = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(
    z.array(z.enum(RISK_LEVELS, { message: 'must be a comma list of low, medium, high' })).min(1),
  );

const atRiskQuery = reportQuery({
  level: levelList.default(['medium', 'high']),
  ...pagingParams,
});

export interface AtRiskParams {
  courseId: string;
  levels: RiskLevelName[];
  paging: Paging;
}

export function parseAtRiskParams(
  courseId: string | undefined,
  query: unknown,
): QueryResult<AtRiskParams> {
  return combine(
    parsePathId('courseId', courseId),
    parseReportQuery(atRiskQuery, query),
    (id, q) => {
      const page = paging(q, 'ns');
      return page.ok
        ? { ok: true, value: { courseId: id, levels: [...new Set(q.level)], paging: page.value } }
        : page;
    },
  );
}
