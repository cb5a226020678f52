/**
 * The SQL of the learner reports: daily activity from the learner_daily_activity rollup, and
 * the timeline from learning_events (the raw events are what a timeline is), tenant-bound,
 * keyset-paged, every value a ClickHouse parameter.
 */
import { conditions } from '../course-reports/course-reports.query';

export function learnerActivitySql(byCourse: boolean, after: boolean): string {
  return `
SELECT course_id, toString(day) AS date, sum(events) AS events, sumMap(actions) AS actions,
       toUnixTimestamp64Milli(min(first_occurred_at)) AS first_ms,
       toUnixTimestamp64Milli(max(last_occurred_at)) AS last_ms,
       sum(scores) AS scores, sum(score_sum) AS score_sum
FROM learner_daily_activity
WHERE tenant = {tenant:String} AND learner_id = {learner:String}
  AND day BETWEEN {from:Date} AND {to:Date}${conditions([
    [byCourse, 'course_id = {course:String}'],
    [after, '(toString(day), course_id) > ({after_day:String}, {after_course:String})'],
  ])}
GROUP BY course_id, day
ORDER BY day, course_id
LIMIT {limit:UInt32}`;
}

export function timelineSql(
  byCourse: boolean,
  from: boolean,
  to: boolean,
  after: boolean,
  order: 'asc' | 'desc',
): string {
  const direction = order === 'asc' ? '>' : '<';
  const sort = order === 'asc' ? 'ASC' : 'DESC';
  return `
SELECT toString(event_id) AS event_id, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,
       toUnixTimestamp64Milli(received_at) AS received_ms, source, course_id, object_id,
       object_type, action, score_raw, score_min, score_max, score_scaled
FROM learning_events
WHERE tenant = {tenant:String} AND learner_id = {learner:String}${conditions([
    [byCourse, 'course_id = {course:String}'],
    [from, "occurred_at >= toDateTime64({from:Date}, 3, 'UTC')"],
    [to, "occurred_at < toDateTime64({to:Date} + 1, 3, 'UTC')"],
    [
      after,
      `(occurred_at, toString(event_id)) ${direction} (fromUnixTimestamp64Milli({after_ms:Int64}, 'UTC'), {after_id:String})`,
    ],
  ])}
ORDER BY occurred_at ${sort}, toString(event_id) ${sort}
LIMIT {limit:UInt32}`;
}
