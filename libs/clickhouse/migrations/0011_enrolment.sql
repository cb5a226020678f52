-- Enrolment: every enrolled / unenrolled event (history), and who is enrolled in what now
-- (current), both kept fresh by materialized views over learning_events.
-- enrolment_current keeps the latest row by occurred_at per learner and course; read it
-- with FINAL (or argMax(status, occurred_at) grouped by the key), e.g.
-- SELECT learner_id FROM enrolment_current FINAL WHERE tenant = ... AND course_id = ... AND status = 'enrolled'.
CREATE TABLE IF NOT EXISTS enrolment_history
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id the learner enrolled in or left',
    learner_id String COMMENT 'Learner id, pseudonymised per tenant',
    action LowCardinality(String) COMMENT 'enrolled or unenrolled',
    occurred_at DateTime64(3, 'UTC') COMMENT 'When the learner enrolled or left (source timestamp), UTC',
    event_id UUID COMMENT 'Id of the learning event (learning_events.event_id)'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, course_id, learner_id, occurred_at, event_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Every enrolled and unenrolled event per tenant, course and learner, fed by enrolment_history_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS enrolment_history_mv
TO enrolment_history
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    learner_id String COMMENT 'Learner id',
    action LowCardinality(String) COMMENT 'enrolled or unenrolled',
    occurred_at DateTime64(3, 'UTC') COMMENT 'When it happened',
    event_id UUID COMMENT 'Id of the learning event'
)
AS SELECT
    tenant,
    course_id,
    learner_id,
    toString(action) AS action,
    occurred_at,
    event_id
FROM learning_events
WHERE action IN ('enrolled', 'unenrolled')
COMMENT 'Feeds enrolment_history from every enrolled or unenrolled event inserted into learning_events'
;

CREATE TABLE IF NOT EXISTS enrolment_current
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    learner_id String COMMENT 'Learner id, pseudonymised per tenant',
    status LowCardinality(String) COMMENT 'Latest enrolment action by occurred_at: enrolled or unenrolled',
    occurred_at DateTime64(3, 'UTC') COMMENT 'When that latest enrolment event occurred, UTC; the version of the row',
    event_id UUID COMMENT 'Id of that latest enrolment event'
)
ENGINE = ReplacingMergeTree(occurred_at)
ORDER BY (tenant, course_id, learner_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Current enrolment status per tenant, course and learner (latest enrolled/unenrolled event), fed by enrolment_current_mv; read with FINAL or argMax(status, occurred_at)'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS enrolment_current_mv
TO enrolment_current
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    learner_id String COMMENT 'Learner id',
    status LowCardinality(String) COMMENT 'enrolled or unenrolled',
    occurred_at DateTime64(3, 'UTC') COMMENT 'When it happened',
    event_id UUID COMMENT 'Id of the learning event'
)
AS SELECT
    tenant,
    course_id,
    learner_id,
    toString(action) AS status,
    occurred_at,
    event_id
FROM learning_events
WHERE action IN ('enrolled', 'unenrolled')
COMMENT 'Feeds enrolment_current from every enrolled or unenrolled event inserted into learning_events'
;
