-- warehouse-writer restores its per-partition record of recently written event ids at
-- start (WHERE kafka_partition = ... AND kafka_offset < ... AND received_at >= ...): a
-- minmax skip index on received_at lets that read skip old granules.
ALTER TABLE learning_events
    ADD INDEX IF NOT EXISTS idx_received_at received_at TYPE minmax GRANULARITY 1
;
