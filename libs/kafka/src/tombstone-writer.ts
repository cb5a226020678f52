/**
 * Writes tombstones (records with a null value) to compacted topics, acknowledged by all
 * in-sync replicas. kafkajs, not ReliableProducer, which sends values only. Compaction is per
 * partition, so a tombstone must land where its key's records did: the Java-compatible murmur2
 * partitioner, as ReliableProducer's and every Java client's. Connects on first use.
 */
import { type Kafka, Partitioners, type Producer } from 'kafkajs';

export interface TombstoneBatch {
  readonly topic: string;
  readonly keys: readonly string[];
}

export class TombstoneWriter {
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(private readonly kafka: Kafka) {}

  /** Resolves once every tombstone is acknowledged. */
  async write(batches: readonly TombstoneBatch[]): Promise<void> {
    const topicMessages = batches
      .filter((batch) => batch.keys.length > 0)
      .map((batch) => ({
        topic: batch.topic,
        messages: batch.keys.map((key) => ({ key, value: null })),
      }));
    if (topicMessages.length === 0) return;
    const producer = await this.connected();
    await producer.sendBatch({ acks: -1, topicMessages });
  }

  async close(): Promise<void> {
    const producer = this.producer ?? (await this.connecting?.catch(() => undefined));
    this.producer = undefined;
    this.connecting = undefined;
    await producer?.disconnect();
  }

  private connected(): Promise<Producer> {
    if (this.producer !== undefined) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }
}
