-- xAPI attachment contents from xapi.attachments.v1, one row per tenant and SHA-2.
-- The sink inserts into xapi_attachments_ingest (a Null table) with the bytes as base64,
-- because JSONEachRow strings cannot carry arbitrary bytes; the view decodes them into
-- xapi_attachments. The same content sent twice is the same row (ReplacingMergeTree).
CREATE TABLE IF NOT EXISTS xapi_attachments
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution) whose LRS received the attachment',
    sha2 String COMMENT 'Lower-case hex SHA-256 of the content, as declared in the statement attachment sha2',
    content_type String COMMENT 'contentType of the attachment as declared in the statement',
    length UInt64 COMMENT 'Length of the content in bytes',
    content String COMMENT 'The raw attachment bytes' CODEC(ZSTD(3)),
    received_at DateTime64(3, 'UTC') COMMENT 'When the row was written; the latest row per key is kept'
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (tenant, sha2)
COMMENT 'xAPI attachment contents (xapi.attachments.v1) by tenant and SHA-2, fed by xapi_attachments_mv; read with FINAL'
;

CREATE TABLE IF NOT EXISTS xapi_attachments_ingest
(
    tenant String COMMENT 'Tenant, from the record key tenant:sha2',
    sha2 String COMMENT 'Lower-case hex SHA-256 of the content',
    content_type String COMMENT 'Content type, from the record header content-type',
    content_base64 String COMMENT 'The raw bytes, base64-encoded'
)
ENGINE = Null
COMMENT 'Insert target of the warehouse sink for xapi.attachments.v1; stores nothing, xapi_attachments_mv decodes into xapi_attachments'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS xapi_attachments_mv
TO xapi_attachments
(
    tenant LowCardinality(String) COMMENT 'Tenant',
    sha2 String COMMENT 'Lower-case hex SHA-256 of the content',
    content_type String COMMENT 'Content type',
    length UInt64 COMMENT 'Length of the decoded content in bytes',
    content String COMMENT 'The decoded bytes',
    received_at DateTime64(3, 'UTC') COMMENT 'Insert time'
)
AS SELECT
    tenant,
    sha2,
    content_type,
    toUInt64(length(base64Decode(content_base64))) AS length,
    base64Decode(content_base64) AS content,
    now64(3, 'UTC') AS received_at
FROM xapi_attachments_ingest
COMMENT 'Decodes the base64 rows inserted into xapi_attachments_ingest into xapi_attachments'
;
