-- The page store of GET /xapi/statements: the columns a statement listing returns, in the
-- listing order, with 256-row granules. A filtered page fetches ~100 statements scattered
-- over the store; in xapi_statements (adaptive granules of ~5,000 statements) each cost a
-- whole granule of statement text, here 256 rows (1M statements: 117 -> 46 ms median for a
-- page of one agent, see apps/xapi-gateway/README.md). index_granularity cannot be changed on
-- an existing table, hence a copy fed by a view rather than a rebuild of xapi_statements.
-- Copies of a statement re-delivered beyond the insert dedup window make adjacent copies
-- here too; the gateway drops them.
CREATE TABLE IF NOT EXISTS xapi_statement_pages
(
    tenant LowCardinality(String) COMMENT 'Tenant whose LRS stored the statement',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the statement, UTC (page order, with statement_id)',
    statement_id UUID COMMENT 'Id of the statement',
    authority_key String COMMENT 'Credential key of the LRS authority, for statements/read/mine',
    statement String COMMENT 'The full stored statement as JSON, as in xapi_statements' CODEC(ZSTD(3))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(stored)
ORDER BY (tenant, stored, statement_id)
SETTINGS index_granularity = 256, non_replicated_deduplication_window = 10000
COMMENT 'Statements in listing order with small granules, for GET /xapi/statements pages; fed by xapi_statement_pages_mv'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS xapi_statement_pages_mv
TO xapi_statement_pages
(
    tenant LowCardinality(String) COMMENT 'Tenant whose LRS stored the statement',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the statement, UTC',
    statement_id UUID COMMENT 'Id of the statement',
    authority_key String COMMENT 'Credential key of the LRS authority',
    statement String COMMENT 'The full stored statement as JSON'
)
AS SELECT tenant, stored, statement_id, authority_key, statement
FROM xapi_statements
COMMENT 'Feeds xapi_statement_pages from every block inserted into xapi_statements'
;

-- The statements stored before this migration. The token makes a second runner's copy (two
-- processes migrating at once against a ClickHouse server) a deduplicated no-op.
INSERT INTO xapi_statement_pages
SETTINGS insert_deduplicate = 1, insert_deduplication_token = '0015_xapi_statement_pages_backfill'
SELECT tenant, stored, statement_id, authority_key, statement
FROM xapi_statements
;
