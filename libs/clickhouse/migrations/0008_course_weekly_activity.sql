-- Weekly engagement per course (weeks start on Monday, UTC), kept fresh by a materialized
-- view over learning_events; the daily one is course_daily_activity. Distinct learners
-- cannot be summed over days, so weeks get their own uniq states.
-- Read with sum(events) and uniqMerge(learners), grouped by the key you need.
CREATE TABLE IF NOT EXISTS course_weekly_activity
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    week Date COMMENT 'Monday (UTC) of the week the events occurred in: toMonday(occurred_at)',
    events SimpleAggregateFunction(sum, UInt64) COMMENT 'Number of events; read with sum(events)',
    learners AggregateFunction(uniq, String) COMMENT 'Distinct active learners (approximate); read with uniqMerge(learners)'
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(week)
ORDER BY (tenant, course_id, week)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Weekly events and distinct active learners per tenant and course, fed by course_weekly_activity_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS course_weekly_activity_mv
TO course_weekly_activity
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    week Date COMMENT 'Monday of the week',
    events UInt64 COMMENT 'Events in the inserted block for this key',
    learners AggregateFunction(uniq, String) COMMENT 'uniq state of the learners in the block for this key'
)
AS SELECT
    tenant,
    course_id,
    toMonday(occurred_at) AS week,
    toUInt64(count()) AS events,
    uniqState(learner_id) AS learners
FROM learning_events
GROUP BY tenant, course_id, week
COMMENT 'Feeds course_weekly_activity from every block inserted into learning_events'
;
