-- The LRS statement store: every stored xAPI statement from xapi.statements.v1, as
-- the full JSON plus the columns the xAPI GET filters use.
CREATE TABLE IF NOT EXISTS xapi_statements
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution) whose LRS stored the statement',
    statement_id UUID COMMENT 'Statement id (the id the client sent, or the one the LRS assigned)',
    verb_id String COMMENT 'verb.id IRI',
    actor String COMMENT 'Actor as its inverse functional identifier (actorLearnerId of @learnpulse/xapi): mbox:<mailto IRI>, mbox_sha1sum:<hex>, openid:<URI>, account:<homePage>|<name>, or group:[<member ids>] for an anonymous group',
    object_id String COMMENT 'object.id for an activity or a statement reference, the identifier (same form as actor) for an agent or group, empty for a sub-statement',
    registration Nullable(UUID) COMMENT 'context.registration, when present',
    timestamp DateTime64(3, 'UTC') COMMENT 'Statement timestamp (stored time when the statement had none), UTC',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the statement, UTC',
    version LowCardinality(String) COMMENT 'xAPI version of the statement',
    statement String COMMENT 'The full stored statement as JSON, including stored and authority' CODEC(ZSTD(3)),
    kafka_partition UInt32 COMMENT 'Partition of xapi.statements.v1 the row was read from',
    kafka_offset UInt64 COMMENT 'Offset in that partition'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(stored)
ORDER BY (tenant, stored, statement_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'xAPI statements stored by the LRS (xapi.statements.v1), written exactly once per Kafka record by warehouse-writer'
;
