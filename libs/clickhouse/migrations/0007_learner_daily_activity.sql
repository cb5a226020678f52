-- Daily activity per learner and course, kept fresh by a materialized view over
-- learning_events. Read it with sum(events), sumMap(actions), min(first_occurred_at),
-- max(last_occurred_at), sum(scores) / sum(score_sum), grouped by the key you need.
-- Like every rollup, the target table has its own deduplication window: a re-inserted
-- learning_events block reaches the view again, and only the target's dedup drops it.
CREATE TABLE IF NOT EXISTS learner_daily_activity
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    learner_id String COMMENT 'Learner id, pseudonymised per tenant',
    day Date COMMENT 'UTC day the events occurred on',
    events SimpleAggregateFunction(sum, UInt64) COMMENT 'Number of events; read with sum(events)',
    actions SimpleAggregateFunction(sumMap, Map(String, UInt64)) COMMENT 'Events per canonical action (viewed, completed, ...); read with sumMap(actions), then actions[''viewed'']',
    first_occurred_at SimpleAggregateFunction(min, DateTime64(3, 'UTC')) COMMENT 'Earliest occurred_at of the day; read with min(first_occurred_at)',
    last_occurred_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')) COMMENT 'Latest occurred_at of the day; read with max(last_occurred_at)',
    scores SimpleAggregateFunction(sum, UInt64) COMMENT 'Number of events with a scaled score; read with sum(scores)',
    score_sum SimpleAggregateFunction(sum, Float64) COMMENT 'Sum of the scaled scores; the mean is sum(score_sum) / sum(scores)'
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (tenant, course_id, learner_id, day)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Daily events, events per action, first/last activity and scores per tenant, course and learner, fed by learner_daily_activity_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS learner_daily_activity_mv
TO learner_daily_activity
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    learner_id String COMMENT 'Learner id',
    day Date COMMENT 'UTC day the events occurred on',
    events UInt64 COMMENT 'Events in the inserted block for this key',
    actions Map(String, UInt64) COMMENT 'Events per action in the inserted block for this key',
    first_occurred_at DateTime64(3, 'UTC') COMMENT 'Earliest occurred_at in the block for this key',
    last_occurred_at DateTime64(3, 'UTC') COMMENT 'Latest occurred_at in the block for this key',
    scores UInt64 COMMENT 'Events with a scaled score in the block for this key',
    score_sum Float64 COMMENT 'Sum of their scaled scores'
)
AS SELECT
    tenant,
    course_id,
    learner_id,
    toDate(occurred_at) AS day,
    toUInt64(count()) AS events,
    sumMap(map(toString(action), toUInt64(1))) AS actions,
    min(occurred_at) AS first_occurred_at,
    max(occurred_at) AS last_occurred_at,
    toUInt64(count(score_scaled)) AS scores,
    toFloat64(sum(ifNull(score_scaled, 0))) AS score_sum
FROM learning_events
GROUP BY tenant, course_id, learner_id, day
COMMENT 'Feeds learner_daily_activity from every block inserted into learning_events'
;
