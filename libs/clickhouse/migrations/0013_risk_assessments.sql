-- Learner risk from learner.risk.v1 (Avro RiskAssessment): every assessment (raw), written
-- exactly once per Kafka record by warehouse-writer, and the latest per learner and
-- course, fed by a materialized view. learner_risk_latest keeps the row with the greatest
-- as_of; read it with FINAL (or argMax(..., as_of) grouped by the key).
CREATE TABLE IF NOT EXISTS risk_assessments
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution) the learner belongs to',
    assessment_id UUID COMMENT 'Stable id of the assessment (UUIDv5 of tenant, learner, course, model version and as_of); a re-emitted assessment has the same id',
    learner_id String COMMENT 'Learner id, pseudonymised per tenant',
    course_id String COMMENT 'Course / context id the risk is about',
    score Float64 COMMENT 'Combined risk score in [0, 1]; higher is more at risk',
    level LowCardinality(String) COMMENT 'Risk level: low, medium or high',
    previous_level LowCardinality(Nullable(String)) COMMENT 'Level of the previous assessment of this learner and course, null for the first',
    reasons String COMMENT 'Reasons as JSON: [{"detector", "text", "weight", "evidence": {name: number}}], most important first' CODEC(ZSTD(3)),
    detectors Array(LowCardinality(String)) COMMENT 'Detector ids of the reasons, in the same order (for filtering without parsing reasons)',
    model_version LowCardinality(String) COMMENT 'Version of the scoring model that produced the score',
    as_of DateTime64(3, 'UTC') COMMENT 'Moment the assessment is valid for (only earlier events were used), UTC',
    last_activity_at Nullable(DateTime64(3, 'UTC')) COMMENT 'When the learner last acted in the course, null when never',
    kafka_partition UInt32 COMMENT 'Partition of learner.risk.v1 the row was read from',
    kafka_offset UInt64 COMMENT 'Offset in that partition'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(as_of)
ORDER BY (tenant, course_id, learner_id, as_of, assessment_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Risk assessments from learner.risk.v1, written exactly once per Kafka record (and once per assessment_id) by warehouse-writer'
;

CREATE TABLE IF NOT EXISTS learner_risk_latest
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id the risk is about',
    learner_id String COMMENT 'Learner id, pseudonymised per tenant',
    assessment_id UUID COMMENT 'Id of the latest assessment (risk_assessments.assessment_id)',
    score Float64 COMMENT 'Latest risk score in [0, 1]',
    level LowCardinality(String) COMMENT 'Latest risk level: low, medium or high',
    previous_level LowCardinality(Nullable(String)) COMMENT 'Level before the latest assessment, null for the first',
    reasons String COMMENT 'Reasons of the latest assessment as JSON (see risk_assessments.reasons)' CODEC(ZSTD(3)),
    detectors Array(LowCardinality(String)) COMMENT 'Detector ids of those reasons',
    model_version LowCardinality(String) COMMENT 'Model version of the latest assessment',
    as_of DateTime64(3, 'UTC') COMMENT 'as_of of the latest assessment, UTC; the version of the row',
    last_activity_at Nullable(DateTime64(3, 'UTC')) COMMENT 'When the learner last acted in the course, null when never'
)
ENGINE = ReplacingMergeTree(as_of)
ORDER BY (tenant, course_id, learner_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Latest risk assessment per tenant, course and learner (greatest as_of), fed by learner_risk_latest_mv from risk_assessments; read with FINAL'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS learner_risk_latest_mv
TO learner_risk_latest
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    learner_id String COMMENT 'Learner id',
    assessment_id UUID COMMENT 'Assessment id',
    score Float64 COMMENT 'Risk score',
    level LowCardinality(String) COMMENT 'Risk level',
    previous_level LowCardinality(Nullable(String)) COMMENT 'Previous level',
    reasons String COMMENT 'Reasons as JSON',
    detectors Array(LowCardinality(String)) COMMENT 'Detector ids of the reasons',
    model_version LowCardinality(String) COMMENT 'Model version',
    as_of DateTime64(3, 'UTC') COMMENT 'as_of of the assessment',
    last_activity_at Nullable(DateTime64(3, 'UTC')) COMMENT 'Last activity in the course'
)
AS SELECT
    tenant,
    course_id,
    learner_id,
    assessment_id,
    score,
    level,
    previous_level,
    reasons,
    detectors,
    model_version,
    as_of,
    last_activity_at
FROM risk_assessments
COMMENT 'Feeds learner_risk_latest from every block inserted into risk_assessments'
;
