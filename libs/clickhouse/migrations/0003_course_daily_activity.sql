-- Daily activity per course, kept fresh by a materialized view over learning_events.
-- Read it with sum(events) and uniqMerge(learners), grouped by the key you need.
-- The target table needs its own deduplication window: a re-inserted learning_events
-- block reaches the view again, and only the target table's dedup drops that copy.
CREATE TABLE IF NOT EXISTS course_daily_activity
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    day Date COMMENT 'UTC day the events occurred on',
    events SimpleAggregateFunction(sum, UInt64) COMMENT 'Number of events; read with sum(events)',
    learners AggregateFunction(uniq, String) COMMENT 'Distinct learners (approximate); read with uniqMerge(learners)'
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (tenant, course_id, day)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Daily events and distinct learners per tenant and course, fed by course_daily_activity_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS course_daily_activity_mv
TO course_daily_activity
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    day Date COMMENT 'UTC day the events occurred on',
    events UInt64 COMMENT 'Number of events in the inserted block for this key',
    learners AggregateFunction(uniq, String) COMMENT 'uniq state of the learners in the inserted block for this key'
)
AS SELECT
    tenant,
    course_id,
    toDate(occurred_at) AS day,
    toUInt64(count()) AS events,
    uniqState(learner_id) AS learners
FROM learning_events
GROUP BY tenant, course_id, day
COMMENT 'Feeds course_daily_activity from every block inserted into learning_events'
;
