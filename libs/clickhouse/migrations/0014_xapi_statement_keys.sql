-- An inverted index of the statement store: one row per (filter, value, statement), ordered so
-- that a GET filter reads one contiguous key range newest first and stops after one page.
-- The bloom-filter skip indexes of 0005 cannot do that: a value spread over the whole store
-- (an agent, an activity) leaves nearly every granule to read.
-- Copies of a statement re-delivered beyond the insert dedup window make adjacent copies of
-- its rows here too; the gateway drops them like it drops the statement copies.
CREATE TABLE IF NOT EXISTS xapi_statement_keys
(
    tenant LowCardinality(String) COMMENT 'Tenant whose LRS stored the statement',
    kind Enum8('agent' = 1, 'related_agent' = 2, 'verb' = 3, 'activity' = 4, 'related_activity' = 5, 'registration' = 6, 'target' = 7) COMMENT 'Which GET filter the row serves: agent (agents), related_agent (related_agents), verb (verb_id), activity (activity_id), related_activity (related_activities), registration, target (statement_ref_id: the statements some StatementRef points at)',
    key String COMMENT 'The filter value, in the form of the xapi_statements column it comes from (registration and target as lowercase UUIDs)',
    stored DateTime64(3, 'UTC') COMMENT 'stored of the statement (its page order, with statement_id)',
    statement_id UUID COMMENT 'Id of the statement',
    authority_key String COMMENT 'authority_key of the statement, for statements/read/mine'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(stored)
ORDER BY (tenant, kind, key, stored, statement_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Inverted index of xapi_statements for the GET filters, fed by xapi_statement_keys_mv'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS xapi_statement_keys_mv
TO xapi_statement_keys
(
    tenant LowCardinality(String) COMMENT 'Tenant whose LRS stored the statement',
    kind Enum8('agent' = 1, 'related_agent' = 2, 'verb' = 3, 'activity' = 4, 'related_activity' = 5, 'registration' = 6, 'target' = 7) COMMENT 'Which GET filter the row serves',
    key String COMMENT 'The filter value',
    stored DateTime64(3, 'UTC') COMMENT 'stored of the statement',
    statement_id UUID COMMENT 'Id of the statement',
    authority_key String COMMENT 'authority_key of the statement'
)
AS SELECT
    tenant,
    entry.1 AS kind,
    entry.2 AS key,
    stored,
    statement_id,
    authority_key
FROM xapi_statements
ARRAY JOIN arrayConcat(
    arrayMap(value -> ('agent', value), arrayDistinct(agents)),
    arrayMap(value -> ('related_agent', value), arrayDistinct(related_agents)),
    [('verb', verb_id)],
    if(activity_id = '', [], [('activity', activity_id)]),
    arrayMap(value -> ('related_activity', value), arrayDistinct(related_activities)),
    if(isNull(registration), [], [('registration', toString(assumeNotNull(registration)))]),
    if(isNull(statement_ref_id), [], [('target', toString(assumeNotNull(statement_ref_id)))])
) AS entry
COMMENT 'Feeds xapi_statement_keys from every block inserted into xapi_statements'
;

-- The statements stored before this migration. The token makes a second runner's copy (two
-- processes migrating at once against a ClickHouse server) a deduplicated no-op.
INSERT INTO xapi_statement_keys
SETTINGS insert_deduplicate = 1, insert_deduplication_token = '0014_xapi_statement_keys_backfill'
SELECT
    tenant,
    entry.1 AS kind,
    entry.2 AS key,
    stored,
    statement_id,
    authority_key
FROM xapi_statements
ARRAY JOIN arrayConcat(
    arrayMap(value -> ('agent', value), arrayDistinct(agents)),
    arrayMap(value -> ('related_agent', value), arrayDistinct(related_agents)),
    [('verb', verb_id)],
    if(activity_id = '', [], [('activity', activity_id)]),
    arrayMap(value -> ('related_activity', value), arrayDistinct(related_activities)),
    if(isNull(registration), [], [('registration', toString(assumeNotNull(registration)))]),
    if(isNull(statement_ref_id), [], [('target', toString(assumeNotNull(statement_ref_id)))])
) AS entry
;
