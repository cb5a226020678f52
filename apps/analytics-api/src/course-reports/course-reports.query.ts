/**
 * The SQL of the course reports, each reading one rollup table (never learning_events) with
 * every value bound as a ClickHouse parameter. Optional filters switch fixed SQL fragments on
 * or off; nothing from the request is ever spliced into the text.
 */
import type { ClickHouseClient } from '@learnpulse/clickhouse';

export type Params = Record<string, unknown>;

export async function rowsOf<R>(
  client: ClickHouseClient,
  query: string,
  params: Params,
): Promise<R[]> {
  // An optional filter that is off has no value: leave it out rather than bind "undefined".
  const bound = Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined),
  );
  const result = await client.query({ query, query_params: bound, format: 'JSONEachRow' });
  return result.json<R>();
}

/** `AND <fragment>` for each condition that is on. */
export function conditions(parts: [boolean, string][]): string {
  return parts
    .filter(([on]) => on)
    .map(([, sql]) => `\n  AND ${sql}`)
    .join('');
}

/**
 * Per day, plus the whole range in the row where is_total = 1: ROLLUP merges the day states
 * into the range's distinct learners, so the partial states are read once, not once more by
 * a second query (10M events, biggest course, right after the load: 100 -> 92 ms median).
 */
export const DAILY_ENGAGEMENT_SQL = `
SELECT toString(day) AS period, grouping(day) AS is_total, sum(events) AS events,
       uniqMerge(learners) AS active_learners
FROM course_daily_activity
WHERE tenant = {tenant:String} AND course_id = {course:String}
  AND day BETWEEN {from:Date} AND {to:Date}
GROUP BY ROLLUP(day)
ORDER BY is_total, day`;

/**
 * Per week, plus the whole range in the row where is_total = 1. The total comes from the day
 * states, because the first and last Mondays reach outside the range. One query, not two:
 * the embedded engine runs one query at a time, and each pays its own start (60 against 64 ms
 * median on the 10M-event store).
 */
export const WEEKLY_ENGAGEMENT_SQL = `
SELECT toString(week) AS period, 0 AS is_total, sum(events) AS events,
       uniqMerge(learners) AS active_learners
FROM course_weekly_activity
WHERE tenant = {tenant:String} AND course_id = {course:String}
  AND week BETWEEN toMonday({from:Date}) AND toMonday({to:Date})
GROUP BY week
UNION ALL
SELECT '' AS period, 1 AS is_total, sum(events) AS events, uniqMerge(learners) AS active_learners
FROM course_daily_activity
WHERE tenant = {tenant:String} AND course_id = {course:String}
  AND day BETWEEN {from:Date} AND {to:Date}`;

export function completionSql(byObject: boolean, after: boolean): string {
  return `
SELECT object_id, sum(events) AS events, uniqMerge(learners) AS learners,
       uniqMerge(completers) AS completers, uniqMerge(passers) AS passers,
       uniqMerge(failers) AS failers,
       toUnixTimestamp64Milli(max(last_occurred_at)) AS last_ms
FROM activity_completion
WHERE tenant = {tenant:String} AND course_id = {course:String}${conditions([
    [byObject, 'object_id = {object:String}'],
    [after, 'object_id > {after:String}'],
  ])}
GROUP BY object_id
ORDER BY object_id
LIMIT {limit:UInt32}`;
}

export const COMPLETION_SUMMARY_SQL = `
SELECT uniqExact(object_id) AS activities, uniqMerge(learners) AS learners,
       uniqMerge(completers) AS completers
FROM activity_completion
WHERE tenant = {tenant:String} AND course_id = {course:String}`;

export const SCORE_LEVELS = [0.1, 0.25, 0.5, 0.75, 0.9] as const;

export function scoresSql(byObject: boolean, after: boolean): string {
  return `
SELECT object_id, sum(scores) AS scores, uniqMerge(learners) AS learners,
       sum(score_sum) AS score_sum, min(score_min) AS score_min, max(score_max) AS score_max,
       quantilesTDigestMerge(${SCORE_LEVELS.join(', ')})(score_quantiles) AS quantiles,
       sumMap(histogram) AS histogram
FROM assessment_scores
WHERE tenant = {tenant:String} AND course_id = {course:String}${conditions([
    [byObject, 'object_id = {object:String}'],
    [after, 'object_id > {after:String}'],
  ])}
GROUP BY object_id
ORDER BY object_id
LIMIT {limit:UInt32}`;
}

/** Current status per learner: the latest enrolment event (argMax), whatever has merged. */
const CURRENT_ENROLMENT = `
SELECT learner_id, argMax(status, occurred_at) AS status,
       toUnixTimestamp64Milli(max(occurred_at)) AS since_ms
FROM enrolment_current
WHERE tenant = {tenant:String} AND course_id = {course:String}`;

export function enrolmentsSql(byStatus: boolean, after: boolean): string {
  return `${CURRENT_ENROLMENT}${conditions([[after, 'learner_id > {after:String}']])}
GROUP BY learner_id${byStatus ? '\nHAVING status = {status:String}' : ''}
ORDER BY learner_id
LIMIT {limit:UInt32}`;
}

export const ENROLMENT_COUNTS_SQL = `
SELECT status, count() AS learners
FROM (${CURRENT_ENROLMENT}
GROUP BY learner_id)
GROUP BY status`;

export function enrolmentHistorySql(
  byLearner: boolean,
  from: boolean,
  to: boolean,
  after: boolean,
): string {
  return `
SELECT learner_id, action, toUnixTimestamp64Milli(occurred_at) AS at_ms, toString(event_id) AS event_id
FROM enrolment_history
WHERE tenant = {tenant:String} AND course_id = {course:String}${conditions([
    [byLearner, 'learner_id = {learner:String}'],
    [from, "occurred_at >= toDateTime64({from:Date}, 3, 'UTC')"],
    [to, "occurred_at < toDateTime64({to:Date} + 1, 3, 'UTC')"],
    [
      after,
      "(occurred_at, toString(event_id)) > (fromUnixTimestamp64Milli({after_ms:Int64}, 'UTC'), {after_id:String})",
    ],
  ])}
ORDER BY occurred_at, toString(event_id)
LIMIT {limit:UInt32}`;
}

export function videosSql(byObject: boolean, after: boolean): string {
  return `
SELECT object_id, sum(events) AS events, sum(plays) AS plays, sum(pauses) AS pauses,
       sum(completions) AS completions, uniqMerge(viewers) AS viewers
FROM video_engagement
WHERE tenant = {tenant:String} AND course_id = {course:String}
  AND day BETWEEN {from:Date} AND {to:Date}${conditions([
    [byObject, 'object_id = {object:String}'],
    [after, 'object_id > {after:String}'],
  ])}
GROUP BY object_id
ORDER BY object_id
LIMIT {limit:UInt32}`;
}

/** FINAL: the latest assessment per learner (ReplacingMergeTree by as_of). */
export function atRiskSql(after: boolean): string {
  return `
SELECT learner_id, score, level, previous_level, reasons, model_version,
       toUnixTimestamp64Milli(as_of) AS as_of_ms,
       toUnixTimestamp64Milli(last_activity_at) AS last_activity_ms
FROM learner_risk_latest FINAL
WHERE tenant = {tenant:String} AND course_id = {course:String}
  AND level IN {levels:Array(String)}${conditions([
    [
      after,
      '(score < {after_score:Float64} OR (score = {after_score:Float64} AND learner_id > {after_learner:String}))',
    ],
  ])}
ORDER BY score DESC, learner_id
LIMIT {limit:UInt32}`;
}

export const RISK_COUNTS_SQL = `
SELECT level, count() AS learners
FROM learner_risk_latest FINAL
WHERE tenant = {tenant:String} AND course_id = {course:String}
GROUP BY level`;
