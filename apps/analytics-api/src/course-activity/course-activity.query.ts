/**
 * Daily activity of one course, read from the course_daily_activity rollup (never the raw
 * events): parameters are bound by ClickHouse, never concatenated into the SQL.
 */
import type { ClickHouseClient } from '@learnpulse/clickhouse';
import type { ActivityRange } from './activity-range';

export const COURSE_DAILY_ACTIVITY_SQL = `
SELECT
    toString(day) AS date,
    sum(events) AS events,
    uniqMerge(learners) AS active_learners
FROM course_daily_activity
WHERE tenant = {tenant:String}
  AND course_id = {course:String}
  AND day BETWEEN {from:Date} AND {to:Date}
GROUP BY day
ORDER BY day`;

export interface DailyActivityRow {
  date: string;
  events: number;
  activeLearners: number;
}

interface RawRow {
  date: string;
  /** UInt64 comes back as a JSON string. */
  events: string | number;
  active_learners: string | number;
}

export async function queryCourseDailyActivity(
  client: ClickHouseClient,
  tenant: string,
  courseId: string,
  range: ActivityRange,
): Promise<DailyActivityRow[]> {
  const result = await client.query({
    query: COURSE_DAILY_ACTIVITY_SQL,
    query_params: { tenant, course: courseId, from: range.from, to: range.to },
    format: 'JSONEachRow',
  });
  const rows = await result.json<RawRow>();
  return rows.map((row) => ({
    date: row.date,
    events: Number(row.events),
    activeLearners: Number(row.active_learners),
  }));
}
