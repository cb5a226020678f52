-- Raw canonical learning events, one row per LearningEvent read from learning.events.v1.
-- Insert deduplication (a token per Kafka offset range) keeps a re-inserted sink batch
-- from counting twice; the window is in blocks, not rows.
CREATE TABLE IF NOT EXISTS learning_events
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution) the event belongs to',
    event_id UUID COMMENT 'Stable event id: the xAPI statement id, or a UUIDv5 of the source event identity',
    source LowCardinality(String) COMMENT 'Origin of the event: xapi, edx, caliper, moodle, csv or other',
    learner_id String COMMENT 'Learner id, pseudonymised per tenant',
    course_id String COMMENT 'Course / context id; empty string when the event has no course',
    object_id String COMMENT 'Id of the object acted on (activity IRI, module id, video id, ...)',
    object_type LowCardinality(String) COMMENT 'Type of the object acted on (activity type, module kind, ...)',
    action LowCardinality(String) COMMENT 'Canonical action: viewed, attempted, submitted, scored, completed, passed, failed, enrolled, unenrolled, logged_in, navigated, played_video, paused_video, posted, other',
    score_raw Nullable(Float64) COMMENT 'Raw score, when the event carries one',
    score_min Nullable(Float64) COMMENT 'Lowest possible score, when known',
    score_max Nullable(Float64) COMMENT 'Highest possible score, when known',
    score_scaled Nullable(Float64) COMMENT 'Scaled score in [-1, 1], when known',
    occurred_at DateTime64(3, 'UTC') COMMENT 'When the learner acted (source timestamp), UTC',
    received_at DateTime64(3, 'UTC') COMMENT 'When learnpulse accepted the event, UTC',
    payload String COMMENT 'Original source payload (JSON text), kept for audit and re-mapping' CODEC(ZSTD(3)),
    kafka_partition UInt32 COMMENT 'Partition of learning.events.v1 the row was read from',
    kafka_offset UInt64 COMMENT 'Offset in that partition'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, course_id, learner_id, occurred_at, event_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Raw canonical learning events from learning.events.v1, written exactly once per Kafka record by warehouse-writer'
;
