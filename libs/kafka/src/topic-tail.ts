/**
 * Follows a topic from the end offsets it had when the tail started: every record written
 * after `start()` resolved is handed to `apply`, in order per partition, and nothing older.
 * For notices a running service must act on (learnpulse.erasures.v1); a service that starts
 * later gets their effect from its own state instead. Fresh consumer group, never committed.
 */
import { type Consumer, type Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { type Logger } from 'pino';
import { type CompactedTopicRecord } from './compacted-topic-reader';
import { fetchSettledTopicOffsets } from './topic-readiness';

export interface TopicTailOptions {
  topic: string;
  /** Prefix of the throw-away consumer group (`<prefix>-<uuid>`). */
  groupPrefix: string;
  /** Applies one record; a throw is logged and the record skipped, the tail goes on. */
  apply: (record: CompactedTopicRecord) => Promise<void> | void;
  logger: Logger;
}

export class TopicTail {
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, options: TopicTailOptions): Promise<TopicTail> {
    const admin = kafka.admin();
    await admin.connect();
    let from: Map<number, bigint>;
    try {
      const offsets = await fetchSettledTopicOffsets(admin, options.topic);
      from = new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({
      groupId: `${options.groupPrefix}-${randomUUID()}`,
      maxWaitTimeInMs: 500,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        // The seeks below skip history; a fetch that raced them is filtered here.
        const start = from.get(batch.partition) ?? 0n;
        for (const message of batch.messages) {
          if (BigInt(message.offset) < start) continue;
          const record: CompactedTopicRecord = {
            partition: batch.partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? '',
            value: message.value,
          };
          try {
            await options.apply(record);
          } catch (error) {
            options.logger.warn(
              {
                err: error,
                topic: options.topic,
                partition: batch.partition,
                offset: message.offset,
              },
              'skipped a record the topic tail could not apply',
            );
          }
        }
      },
    });
    for (const [partition, offset] of from) {
      consumer.seek({ topic: options.topic, partition, offset: offset.toString() });
    }
    return new TopicTail(consumer);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
