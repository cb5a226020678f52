/** The query parameters of GET /v1/learners/:learnerId/activity and /timeline. Pure. */
import { z } from 'zod';
import type { ActivityRange } from '../course-activity/activity-range';
import {
  combine,
  cursorParam,
  day,
  idParam,
  limitParam,
  paging,
  parsePathId,
  parseReportQuery,
  reportQuery,
  withRange,
  type Paging,
  type QueryResult,
} from '../params/report-query';

const activityQuery = reportQuery({
  courseId: idParam.optional(),
  from: day.optional(),
  to: day.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
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
      const range = withRange(q, now);
      const page = paging(q, 'ss');
      if (!range.ok || !page.ok) {
        return {
          ok: false,
          errors: [...(range.ok ? [] : range.errors), ...(page.ok ? [] : page.errors)],
        };
      }
      return {
        ok: true,
        value: { learnerId: id, courseId: q.courseId, range: range.value, paging: page.value },
      };
    },
  );
}

const timelineQuery = reportQuery({
  courseId: idParam.optional(),
  from: day.optional(),
  to: day.optional(),
  order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).default('asc'),
  limit: limitParam,
  cursor: cursorParam.optional(),
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
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
        return { ok: false, errors: [{ param: 'from', rule: `must not be after to (${q.to})` }] };
      }
      const page = paging(q, 'ns');
      return page.ok
        ? {
            ok: true,
            value: {
              learnerId: id,
              courseId: q.courseId,
              from: q.from,
              to: q.to,
              order: q.order,
              paging: page.value,
            },
          }
        : page;
    },
  );
}
