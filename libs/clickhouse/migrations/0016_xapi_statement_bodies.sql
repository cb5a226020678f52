-- The statement bodies of the LRS read side, as a key-value table: GET /xapi/statements finds
-- the ids of a page in xapi_statement_keys (or xapi_statements), then fetches their JSON here
-- by (tenant, statement_id), and statementId look-ups come here directly. In a MergeTree a
-- page of ~100 statements scattered over the store costs ~100 granules of statement text plus
-- an index analysis of the id set (1M statements: ~30 ms for the page of one agent from
-- xapi_statement_pages); here it is ~100 point reads (~4 ms). One row per statement: a copy
-- re-delivered beyond the insert dedup window overwrites the row it copies.
-- EmbeddedRocksDB keeps its data on the node that inserted it: with a replicated ClickHouse
-- cluster every replica must receive the inserts (see docs/warehouse.md).
CREATE TABLE IF NOT EXISTS xapi_statement_bodies
(
    tenant_statement Tuple(tenant LowCardinality(String), statement_id UUID) COMMENT 'Key: tenant whose LRS stored the statement, and the statement id',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the statement, UTC (page order, with the id)',
    is_voiding UInt8 COMMENT '1 when the statement voids another (as xapi_statements.is_voiding)',
    voided_target_id Nullable(UUID) COMMENT 'Id of the statement this voiding statement voids, else null',
    statement String COMMENT 'The full stored statement as JSON, as in xapi_statements'
)
ENGINE = EmbeddedRocksDB
PRIMARY KEY tenant_statement
COMMENT 'Statement JSON by (tenant, statement_id) for GET /xapi/statements pages and id look-ups; fed by xapi_statement_bodies_mv'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS xapi_statement_bodies_mv
TO xapi_statement_bodies
(
    tenant_statement Tuple(tenant LowCardinality(String), statement_id UUID) COMMENT 'Tenant and statement id',
    stored DateTime64(3, 'UTC') COMMENT 'When the LRS stored the statement, UTC',
    is_voiding UInt8 COMMENT '1 when the statement voids another',
    voided_target_id Nullable(UUID) COMMENT 'Id of the statement this voiding statement voids',
    statement String COMMENT 'The full stored statement as JSON'
)
AS SELECT
    (tenant, statement_id) AS tenant_statement,
    stored,
    is_voiding,
    voided_target_id,
    statement
FROM xapi_statements
COMMENT 'Feeds xapi_statement_bodies from every block inserted into xapi_statements'
;

-- The statements stored before this migration; writing a row twice leaves one row.
INSERT INTO xapi_statement_bodies
SELECT (tenant, statement_id), stored, is_voiding, voided_target_id, statement
FROM xapi_statements
;

-- The page store of migration 0015 is replaced by the bodies above.
DROP VIEW IF EXISTS xapi_statement_pages_mv
;

DROP TABLE IF EXISTS xapi_statement_pages
;
