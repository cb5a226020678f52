/**
 * Reads what a topic gained between two moments, for one tenant: note the end offsets before
 * an import, then read every record from there to the end offsets after it and keep those
 * keyed `tenant:...` (other specs write to the same shared topics at the same time).
 */
import { uniqueName } from '@learnpulse/testing';
import { type Kafka } from 'kafkajs';

export type Offsets = Map<number, bigint>;

export async function endOffsets(kafka: Kafka, topic: string): Promise<Offsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
  } finally {
    await admin.disconnect();
  }
}

export interface TenantRecord {
  key: string;
  value: Buffer;
}

export async function readTenantRecords(
  kafka: Kafka,
  topic: string,
  tenant: string,
  from: Offsets,
  timeoutMs = 120_000,
): Promise<TenantRecord[]> {
  const to = await endOffsets(kafka, topic);
  const pending = new Set(
    [...to].filter(([partition, end]) => end > (from.get(partition) ?? 0n)).map(([p]) => p),
  );
  const records: TenantRecord[] = [];
  if (pending.size === 0) return records;
  const consumer = kafka.consumer({ groupId: uniqueName('import-test'), maxWaitTimeInMs: 100 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    await consumer.run({
      eachBatch: ({ batch }) => {
        const end = to.get(batch.partition) ?? 0n;
        const start = from.get(batch.partition) ?? 0n;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < start || offset >= end) continue;
          const key = message.key?.toString('utf8') ?? '';
          if (key.startsWith(`${tenant}:`)) {
            records.push({ key, value: message.value ?? Buffer.alloc(0) });
          }
          if (offset + 1n >= end) pending.delete(batch.partition);
        }
        if (pending.size === 0) finish();
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
    return records;
  } finally {
    await consumer.disconnect();
  }
}
