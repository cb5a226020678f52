/**
 * Follows a compacted topic (a changelog: latest record per key) from the beginning for as long
 * as the process runs, handing every record to `apply`. It reads with a fresh consumer group and
 * never commits, so every start replays the whole (compacted) topic. `caughtUp` resolves once
 * every partition was read up to the end offsets it had at start; `catchUp()` waits until the
 * records written before the call are applied (read-your-writes across processes).
 */
import { type Consumer, type Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { type Logger } from 'pino';
import { fetchSettledTopicOffsets } from './topic-readiness';

export interface CompactedTopicRecord {
  partition: number;
  offset: string;
  key: string;
  /** Null for a tombstone (the key was deleted). */
  value: Buffer | null;
}

export interface CompactedTopicReaderOptions {
  topic: string;
  /** Prefix of the throw-away consumer group (`<prefix>-<uuid>`). */
  groupPrefix: string;
  /** Applies one record; a throw is logged and the record skipped, the reader goes on. */
  apply: (record: CompactedTopicRecord) => void;
  logger: Logger;
}

const POLL_MS = 20;

async function endOffsetsOf(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await fetchSettledTopicOffsets(admin, topic);
    return new Map(
      offsets
        .filter(({ high, low }) => Number(high) > Number(low))
        .map(({ partition, high }) => [partition, Number(high)]),
    );
  } finally {
    await admin.disconnect();
  }
}

export class CompactedTopicReader {
  private readonly positions = new Map<number, number>();
  private stopped = false;
  /** Resolves when every record that existed when the reader started is applied. */
  readonly caughtUp: Promise<void>;

  private constructor(
    private readonly kafka: Kafka,
    private readonly consumer: Consumer,
    private readonly options: CompactedTopicReaderOptions,
    startTargets: Map<number, number>,
  ) {
    this.caughtUp = this.waitFor(startTargets);
    // Stopping before catching up rejects it; that must not be an unhandled rejection.
    this.caughtUp.catch(() => undefined);
  }

  static async start(
    kafka: Kafka,
    options: CompactedTopicReaderOptions,
  ): Promise<CompactedTopicReader> {
    const targets = await endOffsetsOf(kafka, options.topic);
    const consumer = kafka.consumer({
      groupId: `${options.groupPrefix}-${randomUUID()}`,
      maxWaitTimeInMs: 500,
    });
    const reader = new CompactedTopicReader(kafka, consumer, options, targets);
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) reader.applyOne(batch.partition, message);
        reader.positions.set(batch.partition, Number(batch.lastOffset()) + 1);
        await Promise.resolve();
      },
    });
    return reader;
  }

  /** Waits until every record on the topic now (written before this call) has been applied. */
  async catchUp(): Promise<void> {
    await this.waitFor(await endOffsetsOf(this.kafka, this.options.topic));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer.disconnect();
  }

  private applyOne(
    partition: number,
    message: { key: Buffer | null; value: Buffer | null; offset: string },
  ): void {
    const key = message.key?.toString('utf8') ?? '';
    try {
      this.options.apply({ partition, offset: message.offset, key, value: message.value });
    } catch (error) {
      // A malformed record must not stop the others: skip it and say where it is.
      this.options.logger.warn(
        { err: error, topic: this.options.topic, partition, offset: message.offset, key },
        'skipped a malformed record of a compacted topic',
      );
    }
  }

  private reached(targets: Map<number, number>): boolean {
    for (const [partition, target] of targets) {
      if ((this.positions.get(partition) ?? 0) < target) return false;
    }
    return true;
  }

  private async waitFor(targets: Map<number, number>): Promise<void> {
    while (!this.reached(targets)) {
      if (this.stopped) throw new Error(`reader of ${this.options.topic} stopped`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
