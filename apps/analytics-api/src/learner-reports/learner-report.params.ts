/** The query parameters of GET /v1/learners/:learnerId/activity and /timeline. Pure. */
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
  rangeAndPaging,
  reportQuery,
  type Paging,
  type QueryResult,
} from '../params/report-query';

const activityQuery = reportQuery({
  courseId: idParam.optional(),
  ...dayRangeParams,
  ...pagingParams,
});

export interface LearnerActivityParams {
  learnerId: string;
  courseId: string | undefined;
  range: ActivityRange;
  paging: Paging;
}

export function parseLearnerActivityParams(
  learnerId: string | undefined,
  query: unknown,
  now: number = Date.now(),
): QueryResult<LearnerActivityParams> {
  return combine(
    parsePathId('learnerId', learnerId),
    parseReportQuery(activityQuery, query),
    (id, q) => {
      const both = rangeAndPaging(q, now, 'ss');
      return both.ok
        ? { ok: true, value: { learnerId: id, courseId: q.courseId, ...both.value } }
        : both;
    },
  );
}

const timelineQuery = reportQuery({
  courseId: idParam.optional(),
  ...dayRangeParams,
  order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).default('asc'),
  ...pagingParams,
});

export interface TimelineParams {
  learnerId: string;
  courseId: string | undefined;
  /** Optional bounds, UTC days both included. */
  from: string | undefined;
  to: string | undefined;
  order: 'asc' | 'desc';
  paging: Paging;
}

export function parseTimelineParams(
  learnerId: string | undefined,
  query: unknown,
): QueryResult<TimelineParams> {
  return combine(
    parsePathId('learnerId', learnerId),
    parseReportQuery(timelineQuery, query),
    (id, q) => {
      const both = boundsAndPaging(q, 'ns');
      return both.ok
        ? {
            ok: true,
            value: { learnerId: id, courseId: q.courseId, order: q.order, ...both.value },
          }
        : both;
    },
  );
}
