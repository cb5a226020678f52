-- Write-ahead state of the exactly-once Kafka sink (warehouse-writer): before a batch of
-- records [first_offset..last_offset] is inserted, its range is written here, so that after
-- a crash the same records are re-inserted as the same block with the same token.
CREATE TABLE IF NOT EXISTS sink_offsets
(
    consumer_group String COMMENT 'Kafka consumer group of the sink',
    topic String COMMENT 'Kafka topic the batch was read from',
    partition UInt32 COMMENT 'Kafka partition the batch was read from',
    first_offset UInt64 COMMENT 'Offset of the first record of the batch',
    last_offset UInt64 COMMENT 'Offset of the last record of the batch (inclusive)',
    token String COMMENT 'insert_deduplication_token the batch is inserted with: <group>:<topic>:<partition>:<first>-<last>',
    updated_at DateTime64(3, 'UTC') COMMENT 'When the range was written; the latest row per partition is the current state'
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (consumer_group, topic, partition)
COMMENT 'Last batch range the warehouse sink wrote (or is writing) per consumer group, topic and partition; read with FINAL'
;
