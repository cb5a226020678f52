/**
 * Reads what was written to a topic between two moments: note the end offsets before a
 * request, then read every record from there up to the end offsets after it (a fresh consumer
 * group each time, so nothing is committed for anyone).
 */
import { fetchSettledTopicOffsets } from '@learnpulse/kafka';
import { type Kafka, type KafkaMessage } from 'kafkajs';
import { uniqueName } from './test-helpers';

export type Offsets = Map<number, bigint>;

export async function endOffsets(kafka: Kafka, topic: string): Promise<Offsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await fetchSettledTopicOffsets(admin, topic);
    return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
  } finally {
    await admin.disconnect();
  }
}

export interface ReadMessage {
  partition: number;
  key: string;
  value: Buffer;
  /** The record had a null value (a tombstone); `value` is then empty. */
  tombstone: boolean;
}

/** Every record of `topic` in [from, to) per partition, in offset order within a partition. */
export async function readBetween(
  kafka: Kafka,
  topic: string,
  from: Offsets,
  to: Offsets,
  timeoutMs = 60_000,
): Promise<ReadMessage[]> {
  const pending = new Set(
    [...to].filter(([partition, end]) => end > (from.get(partition) ?? 0n)).map(([p]) => p),
  );
  if (pending.size === 0) return [];
  const consumer = kafka.consumer({ groupId: uniqueName('kafka-window-test') });
  const messages: ReadMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const accept = (partition: number, message: KafkaMessage): void => {
      const offset = BigInt(message.offset);
      const end = to.get(partition) ?? 0n;
      if (offset < (from.get(partition) ?? 0n) || offset >= end) return;
      messages.push({
        partition,
        key: message.key?.toString('utf8') ?? '',
        value: message.value ?? Buffer.alloc(0),
        tombstone: message.value === null,
      });
      if (offset + 1n >= end) pending.delete(partition);
      if (pending.size === 0) finish();
    };
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        accept(partition, message);
        return Promise.resolve();
      },
    });
    for (const [partition, offset] of from) {
      consumer.seek({ topic, partition, offset: offset.toString() });
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      done,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(
            new Error(`reading ${topic} timed out; partitions left: ${[...pending].join(',')}`),
          );
        }, timeoutMs);
      }),
    ]).finally(() => {
      clearTimeout(timer);
    });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
