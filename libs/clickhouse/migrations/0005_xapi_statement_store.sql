-- The LRS read side (GET /xapi/statements): index columns on xapi_statements for every
-- filter, and a small table of voided statement ids fed by a materialized view.
-- xapi_statements keeps its key (tenant, stored, statement_id), which is the paging order
-- of statement lists; the filters are served by skip indexes inside a tenant's stored range.
-- Rows written before this migration get empty index columns (re-index by replaying
-- xapi.statements.v1 into a fresh database).
ALTER TABLE xapi_statements
    ADD COLUMN IF NOT EXISTS activity_id String DEFAULT '' COMMENT 'object.id when the object is an Activity, else empty: the activity filter',
    ADD COLUMN IF NOT EXISTS agents Array(String) DEFAULT [] COMMENT 'Identifiers (actor form) the agent filter matches: the actor, the object when an Agent or Group, and the members of those groups',
    ADD COLUMN IF NOT EXISTS related_agents Array(String) DEFAULT [] COMMENT 'Identifiers the agent filter matches with related_agents=true: agents plus authority, context instructor and team, and the same inside a SubStatement, with group members',
    ADD COLUMN IF NOT EXISTS related_activities Array(String) DEFAULT [] COMMENT 'Activity ids the activity filter matches with related_activities=true: the object and every context activity, also inside a SubStatement',
    ADD COLUMN IF NOT EXISTS authority_key String DEFAULT '' COMMENT 'Credential key of the LRS authority (authority.account.name under urn:learnpulse:tenant), for statements/read/mine',
    ADD COLUMN IF NOT EXISTS statement_ref_id Nullable(UUID) COMMENT 'object.id when the object is a StatementRef: a targeting statement matches the filters its target matches',
    ADD COLUMN IF NOT EXISTS is_voiding UInt8 DEFAULT 0 COMMENT '1 when the statement voids another (verb http://adlnet.gov/expapi/verbs/voided with a StatementRef object)',
    ADD COLUMN IF NOT EXISTS voided_target_id Nullable(UUID) COMMENT 'Id of the statement this voiding statement voids, else null'
;

ALTER TABLE xapi_statements
    ADD INDEX IF NOT EXISTS idx_statement_id statement_id TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_verb_id verb_id TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_activity_id activity_id TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_registration registration TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_agents agents TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_related_agents related_agents TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_related_activities related_activities TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_authority_key authority_key TYPE set(64) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_statement_ref_id statement_ref_id TYPE bloom_filter(0.01) GRANULARITY 1
;

-- Voided statement ids per tenant: list queries exclude them with
-- statement_id NOT IN (SELECT voided_statement_id ... WHERE tenant = ...), a small key read.
-- Duplicates (a re-delivered voiding statement) are harmless for that test and merge away.
CREATE TABLE IF NOT EXISTS xapi_voided_statements
(
    tenant LowCardinality(String) COMMENT 'Tenant whose LRS stored the voiding statement',
    voided_statement_id UUID COMMENT 'Id of the voided (target) statement',
    voiding_statement_id UUID COMMENT 'Id of the voiding statement',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the voiding statement, UTC'
)
ENGINE = ReplacingMergeTree(stored)
ORDER BY (tenant, voided_statement_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Statements voided per tenant, fed by xapi_voided_statements_mv from xapi_statements'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS xapi_voided_statements_mv
TO xapi_voided_statements
(
    tenant LowCardinality(String) COMMENT 'Tenant whose LRS stored the voiding statement',
    voided_statement_id UUID COMMENT 'Id of the voided (target) statement',
    voiding_statement_id UUID COMMENT 'Id of the voiding statement',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the voiding statement, UTC'
)
AS SELECT
    tenant,
    assumeNotNull(voided_target_id) AS voided_statement_id,
    statement_id AS voiding_statement_id,
    stored
FROM xapi_statements
WHERE is_voiding = 1 AND voided_target_id IS NOT NULL
COMMENT 'Feeds xapi_voided_statements from every voiding statement inserted into xapi_statements'
;
