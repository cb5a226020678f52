/**
 * Writes one fetched partition batch to ClickHouse exactly once: write the range ahead,
 * insert it with its deduplication token, dead-letter what cannot be stored, then commit.
 * Every step is retried with the identical batch until it succeeds or the consumer stops.
 */
import { type ClickHouseClient, insertDeduplicated } from '@learnpulse/clickhouse';
import {
  errorHeaderText,
  failedRecordMessage,
  type ProducerMessage,
  type ProducerRecord,
  TOPICS,
} from '@learnpulse/kafka';
import { type Logger } from '@learnpulse/observability';
import { type KafkaMessage } from 'kafkajs';
import { type SinkTopic } from '../rows/sink-topics';
import { batchToken, type OffsetRange, planBatch, type PlannedBatch } from './batch-plan';
import { DuplicateFilter } from './duplicate-filter';
import { retryUntilDone, SinkStoppedError } from './retry';
import { type SinkMetrics, type SinkStep } from './sink-metrics';
import { type SinkOffsetsStore } from './sink-offsets.store';
import { type RowIdentity } from './seen-ids';
import { StoredIdsStore } from './stored-ids.store';

/** One partition's records of a fetch, and what the consumer lets us do with them. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  messages: KafkaMessage[];
  resolveOffset: (offset: string) => void;
  /** Commits `nextOffset` (last written offset + 1) for the partition. */
  commit: (nextOffset: number) => Promise<void>;
  heartbeat: () => Promise<void>;
  /** False once the consumer stops or the partition was taken away. */
  shouldContinue: () => boolean;
}

export interface DeadLetterSink {
  send: (records: ProducerRecord[]) => Promise<void>;
}

export interface BatchWriterOptions {
  client: ClickHouseClient;
  offsets: SinkOffsetsStore;
  deadLetters: DeadLetterSink;
  metrics: SinkMetrics;
  logger: Logger;
  group: string;
  maxRows: number;
  topics: readonly SinkTopic[];
  /** Copies of a stored id within this time of it are dropped (WAREHOUSE_DEDUP_WINDOW_MINUTES). */
  dedupWindowMs: number;
  /** Ids remembered per partition (WAREHOUSE_DEDUP_MAX_IDS). */
  dedupMaxIds: number;
  /** First retry delay; tests shorten it. */
  retryDelayMs?: number;
}

interface Positioned {
  offset: number;
  message: KafkaMessage;
}

export class BatchWriter {
  /** Range last written ahead per `topic:partition`, known since this process owns it. */
  private readonly writtenAhead = new Map<string, OffsetRange | null>();
  private readonly topics: Map<string, SinkTopic>;
  private readonly logger: Logger;
  private readonly duplicates: DuplicateFilter;

  constructor(private readonly options: BatchWriterOptions) {
    this.topics = new Map(options.topics.map((t) => [t.topic, t]));
    this.logger = options.logger.child({ component: 'warehouse-sink' });
    this.duplicates = new DuplicateFilter({
      store: new StoredIdsStore(options.client),
      windowMs: options.dedupWindowMs,
      maxIds: options.dedupMaxIds,
      onStoreRead: (table, read, seconds) => {
        options.metrics.storedIdReadSeconds.observe({ table, read }, seconds);
      },
    });
  }

  /** After a rebalance another process may have written a partition: read its state again. */
  forgetPartitions(): void {
    this.writtenAhead.clear();
    this.duplicates.forget();
  }

  /** Resolves without committing when the consumer stops part way (SinkStoppedError is absorbed). */
  async write(batch: PartitionBatch): Promise<void> {
    try {
      await this.writeBatch(batch);
    } catch (error) {
      this.writtenAhead.delete(`${batch.topic}:${batch.partition}`);
      this.duplicates.forget(batch.topic, batch.partition);
      if (error instanceof SinkStoppedError) return;
      throw error;
    }
  }

  private async writeBatch(batch: PartitionBatch): Promise<void> {
    const sinkTopic = this.topics.get(batch.topic);
    if (sinkTopic === undefined) throw new Error(`no table for topic ${batch.topic}`);
    const log = this.logger.child({ topic: batch.topic, partition: batch.partition });
    const messages: Positioned[] = batch.messages.map((message) => ({
      offset: Number(message.offset),
      message,
    }));
    const ahead = await this.writtenAheadRange(batch);
    const plan = planBatch(messages, ahead, this.options.maxRows);

    if (plan.brokenRange !== null) {
      log.error(
        { range: plan.brokenRange, firstOffset: messages[0]?.offset },
        'records of the written-ahead range are gone from the topic; writing the rest as new records',
      );
    }
    if (plan.skipThrough !== null) {
      const skipThrough = plan.skipThrough;
      const skipped = messages.filter((m) => m.offset <= skipThrough).length;
      this.options.metrics.skippedRecords.inc({ topic: batch.topic }, skipped);
      log.info({ skipThrough, skipped }, 'skipped records already stored');
      batch.resolveOffset(String(skipThrough));
      await batch.commit(skipThrough + 1);
    }
    if (plan.incomplete) {
      // Leaving the offsets unresolved makes kafkajs fetch from the same position again.
      log.info({ range: ahead }, 'fetch ends inside the written-ahead range; fetching again');
      return;
    }
    if (plan.replay !== null) {
      log.info({ range: plan.replay.range }, 're-inserting the written-ahead range');
      await this.writeRange(batch, sinkTopic, plan.replay, 'replay');
    }
    for (const fresh of plan.fresh) {
      await this.writeRange(batch, sinkTopic, fresh, 'fresh');
    }
  }

  private async writtenAheadRange(batch: PartitionBatch): Promise<OffsetRange | null> {
    const key = `${batch.topic}:${batch.partition}`;
    if (this.writtenAhead.has(key)) return this.writtenAhead.get(key) ?? null;
    const range = await retryUntilDone(
      () => this.options.offsets.read(batch.topic, batch.partition),
      this.retryOptions(batch, 'read_state'),
    );
    this.writtenAhead.set(key, range);
    return range;
  }

  private async writeRange(
    batch: PartitionBatch,
    sinkTopic: SinkTopic,
    planned: PlannedBatch<Positioned>,
    kind: 'fresh' | 'replay',
  ): Promise<void> {
    const { metrics, client } = this.options;
    const token = batchToken(this.options.group, batch.topic, batch.partition, planned.range);
    const rows: Record<string, unknown>[] = [];
    const deadLetters: ProducerMessage[] = [];
    for (const { offset, message } of planned.messages) {
      try {
        if (message.value === null) throw new Error('record has no value');
        rows.push(sinkTopic.toRow(message.value, { partition: batch.partition, offset }, message));
      } catch (error) {
        deadLetters.push(
          failedRecordMessage({
            topic: batch.topic,
            partition: batch.partition,
            offset,
            key: message.key,
            value: message.value,
            headers: message.headers,
            error,
          }),
        );
        this.logger.warn(
          { topic: batch.topic, partition: batch.partition, offset, error: errorHeaderText(error) },
          'record cannot be stored; sending it to the dead-letter topic',
        );
      }
    }

    const { kept, identities } = await this.dropCopies(batch, sinkTopic, planned.range, rows);

    if (kind === 'fresh') {
      await retryUntilDone(
        () => this.options.offsets.write(batch.topic, batch.partition, planned.range, token),
        this.retryOptions(batch, 'write_ahead'),
      );
      this.writtenAhead.set(`${batch.topic}:${batch.partition}`, planned.range);
    }
    if (kept.length > 0) {
      this.logger.debug(
        { topic: batch.topic, partition: batch.partition, range: planned.range, kind },
        'inserting batch',
      );
      await retryUntilDone(
        async () => {
          const stopTimer = metrics.insertSeconds.startTimer({ table: sinkTopic.table });
          await insertDeduplicated(client, { table: sinkTopic.table, rows: kept, token });
          stopTimer();
        },
        this.retryOptions(batch, 'insert'),
      );
      metrics.rowsInserted.inc({ table: sinkTopic.table, batch: kind }, kept.length);
      this.duplicates.record(batch.topic, batch.partition, identities);
    }
    if (deadLetters.length > 0) {
      await retryUntilDone(
        () =>
          this.options.deadLetters.send([
            { topic: TOPICS.learningEventsDlq, messages: deadLetters },
          ]),
        this.retryOptions(batch, 'dead_letter'),
      );
      metrics.deadLetters.inc({ topic: batch.topic }, deadLetters.length);
    }
    batch.resolveOffset(String(planned.range.last));
    await batch.commit(planned.range.last + 1);
    metrics.batches.inc({ topic: batch.topic, batch: kind });
    await batch.heartbeat();
  }

  /**
   * The batch's rows without the copies of ids already stored. A function of the records and
   * what ClickHouse holds below the batch's first offset, so a replayed batch is cut the same.
   */
  private async dropCopies(
    batch: PartitionBatch,
    sinkTopic: SinkTopic,
    range: OffsetRange,
    rows: Record<string, unknown>[],
  ): Promise<{ kept: Record<string, unknown>[]; identities: RowIdentity[] }> {
    const identity = sinkTopic.identity;
    if (identity === undefined) return { kept: rows, identities: [] };
    const filtered = await retryUntilDone(
      () =>
        this.duplicates.filter(
          batch.topic,
          batch.partition,
          range.first,
          { table: sinkTopic.table, ...identity },
          rows,
        ),
      this.retryOptions(batch, 'seen_ids'),
    );
    if (filtered.dropped > 0) {
      this.options.metrics.duplicates.inc({ topic: batch.topic }, filtered.dropped);
      this.logger.info(
        { topic: batch.topic, partition: batch.partition, range, dropped: filtered.dropped },
        'dropped copies of rows already stored',
      );
    }
    return filtered;
  }

  private retryOptions(
    batch: PartitionBatch,
    step: SinkStep,
  ): Parameters<typeof retryUntilDone>[1] {
    return {
      shouldContinue: batch.shouldContinue,
      heartbeat: batch.heartbeat,
      initialDelayMs: this.options.retryDelayMs,
      onRetry: (error, attempt, delayMs) => {
        this.options.metrics.retries.inc({ step });
        this.logger.warn(
          { topic: batch.topic, partition: batch.partition, step, attempt, delayMs, err: error },
          `sink step ${step} failed; retrying the identical batch`,
        );
      },
    };
  }
}
