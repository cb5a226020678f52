-- Completion per activity (object) of a course: who started it and who completed or
-- passed it, as uniq states, so rates per activity and per course are read with
-- uniqMerge. Enrolment and log-in events are about the course, not an activity, and
-- events without an object are left out.
CREATE TABLE IF NOT EXISTS activity_completion
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    object_id String COMMENT 'Activity (object) id: activity IRI, module id, problem id, ...',
    events SimpleAggregateFunction(sum, UInt64) COMMENT 'Events on the activity; read with sum(events)',
    learners AggregateFunction(uniq, String) COMMENT 'Distinct learners who acted on the activity at all (viewed, attempted, ...); read with uniqMerge(learners)',
    completers AggregateFunction(uniq, String) COMMENT 'Distinct learners with a completed or passed event; read with uniqMerge(completers)',
    passers AggregateFunction(uniq, String) COMMENT 'Distinct learners with a passed event; read with uniqMerge(passers)',
    failers AggregateFunction(uniq, String) COMMENT 'Distinct learners with a failed event; read with uniqMerge(failers)',
    last_occurred_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')) COMMENT 'Latest event on the activity; read with max(last_occurred_at)'
)
ENGINE = AggregatingMergeTree
ORDER BY (tenant, course_id, object_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Distinct learners who started, completed, passed and failed each activity per tenant and course, fed by activity_completion_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_completion_mv
TO activity_completion
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    object_id String COMMENT 'Activity (object) id',
    events UInt64 COMMENT 'Events in the inserted block for this key',
    learners AggregateFunction(uniq, String) COMMENT 'uniq state of all learners in the block for this key',
    completers AggregateFunction(uniq, String) COMMENT 'uniq state of the learners with completed or passed',
    passers AggregateFunction(uniq, String) COMMENT 'uniq state of the learners with passed',
    failers AggregateFunction(uniq, String) COMMENT 'uniq state of the learners with failed',
    last_occurred_at DateTime64(3, 'UTC') COMMENT 'Latest occurred_at in the block for this key'
)
AS SELECT
    tenant,
    course_id,
    object_id,
    toUInt64(count()) AS events,
    uniqState(learner_id) AS learners,
    uniqStateIf(learner_id, action IN ('completed', 'passed')) AS completers,
    uniqStateIf(learner_id, action = 'passed') AS passers,
    uniqStateIf(learner_id, action = 'failed') AS failers,
    max(occurred_at) AS last_occurred_at
FROM learning_events
WHERE object_id != '' AND action NOT IN ('enrolled', 'unenrolled', 'logged_in')
GROUP BY tenant, course_id, object_id
COMMENT 'Feeds activity_completion from every block inserted into learning_events'
;
