/**
 * Fetch settings of the sink's consumer. Time batching is left to the broker: a fetch waits up
 * to WAREHOUSE_BATCH_MAX_WAIT_MS for enough bytes, and a partition's fetch can hold a full batch.
 */
import { type Environment } from '@learnpulse/config';

/** A rough size of one record (Avro event with its original payload), to turn rows into bytes. */
const TYPICAL_RECORD_BYTES = 512;
const MIB = 1024 * 1024;

export interface ConsumerFetchSettings {
  minBytes: number;
  maxBytes: number;
  maxBytesPerPartition: number;
  maxWaitTimeInMs: number;
}

export function consumerFetchSettings(
  env: Pick<Environment, 'WAREHOUSE_BATCH_MAX_ROWS' | 'WAREHOUSE_BATCH_MAX_WAIT_MS'>,
): ConsumerFetchSettings {
  const batchBytes = env.WAREHOUSE_BATCH_MAX_ROWS * TYPICAL_RECORD_BYTES;
  const maxBytesPerPartition = Math.min(64 * MIB, Math.max(MIB, batchBytes * 2));
  return {
    minBytes: Math.min(MIB, batchBytes),
    maxBytesPerPartition,
    maxBytes: Math.max(10 * MIB, maxBytesPerPartition * 4),
    maxWaitTimeInMs: env.WAREHOUSE_BATCH_MAX_WAIT_MS,
  };
}
