/** The sink's Prometheus metrics (`learnpulse_sink_*`), on the app's own registry. */
import { Counter, Histogram, type Registry } from 'prom-client';

export type SinkStep = 'read_state' | 'seen_ids' | 'write_ahead' | 'insert' | 'dead_letter';

export class SinkMetrics {
  readonly rowsInserted: Counter<'table' | 'batch'>;
  readonly batches: Counter<'topic' | 'batch'>;
  readonly insertSeconds: Histogram<'table'>;
  readonly deadLetters: Counter<'topic'>;
  readonly retries: Counter<'step'>;
  readonly skippedRecords: Counter<'topic'>;
  readonly duplicates: Counter<'topic'>;
  readonly storedIdReadSeconds: Histogram<'table' | 'read'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.rowsInserted = new Counter({
      name: 'learnpulse_sink_rows_inserted_total',
      help: 'Rows sent to ClickHouse; batch="replay" rows re-sent after a restart are dropped by deduplication when already stored',
      labelNames: ['table', 'batch'],
      registers,
    });
    this.batches = new Counter({
      name: 'learnpulse_sink_batches_total',
      help: 'Batches written (inserted and committed), fresh or replayed after a restart',
      labelNames: ['topic', 'batch'],
      registers,
    });
    this.insertSeconds = new Histogram({
      name: 'learnpulse_sink_insert_seconds',
      help: 'Duration of one successful batch insert into ClickHouse',
      labelNames: ['table'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'learnpulse_sink_dlq_records_total',
      help: 'Records that could not be stored and went to the dead-letter topic',
      labelNames: ['topic'],
      registers,
    });
    this.retries = new Counter({
      name: 'learnpulse_sink_retries_total',
      help: 'Failed attempts of a sink step that was retried with the identical batch',
      labelNames: ['step'],
      registers,
    });
    this.skippedRecords = new Counter({
      name: 'learnpulse_sink_skipped_records_total',
      help: 'Records fetched again after a restart that were already stored, skipped',
      labelNames: ['topic'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'learnpulse_sink_duplicates_dropped_total',
      help: 'Rows dropped before the insert because the same id was already stored (a re-sent event as a new record)',
      labelNames: ['topic'],
      registers,
    });
    this.storedIdReadSeconds = new Histogram({
      name: 'learnpulse_sink_stored_id_read_seconds',
      help: 'Reads of stored ids from ClickHouse for the copy check: read="restore" fills the record of a partition after a start or rebalance, read="lookup" checks a batch reaching back before what the record covers',
      labelNames: ['table', 'read'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }
}
