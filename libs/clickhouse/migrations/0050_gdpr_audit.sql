-- Audit trail of the GDPR tools (learner erase and export, @learnpulse/gdpr): who asked, when,
-- about whom, how, and how many rows each table gave. The learner is recorded by pseudonym
-- only, in a column deliberately not named learner_id, so that an erase (which removes every
-- learner_id row) keeps its own record.
CREATE TABLE IF NOT EXISTS gdpr_audit
(
    audit_id UUID COMMENT 'Id of the request',
    tenant LowCardinality(String) COMMENT 'Tenant the request was about',
    action LowCardinality(String) COMMENT 'erase or export',
    subject Array(String) COMMENT 'Per-tenant pseudonyms of the learner (never the raw identifier)',
    requested_by String COMMENT 'Operator who asked: learner erase/export --operator, default the OS user at the host',
    requested_via LowCardinality(String) COMMENT 'cli (the command reached ClickHouse itself) or admin-api (through the running analytics-api)',
    requested_at DateTime64(3, 'UTC') COMMENT 'When the request started, UTC',
    finished_at DateTime64(3, 'UTC') COMMENT 'When it finished or failed, UTC',
    outcome LowCardinality(String) COMMENT 'done or failed',
    error String COMMENT 'Why it failed; empty when done',
    row_counts Map(String, UInt64) COMMENT 'Rows deleted (erase) or exported per table; for a recomputed rollup, the rows of the affected keys replaced',
    tombstones UInt32 COMMENT 'Tombstones written on compacted learner-keyed Kafka topics (erase)'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(requested_at)
ORDER BY (tenant, requested_at, audit_id)
COMMENT 'GDPR erase and export requests: one row per request, written when it finishes or fails'
;
