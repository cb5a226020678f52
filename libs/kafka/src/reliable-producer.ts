/**
 * The producer every writer of an accepted event uses: idempotent, acks from all
 * in-sync replicas, and a promise that resolves only once the broker has the records.
 *
 * Concurrent send() calls are coalesced into one produce request while the previous
 * one is in flight (kafkajs serialises idempotent produce requests per broker anyway),
 * so thousands of concurrent HTTP requests cost a handful of round trips.
 *
 * The wire client is @platformatic/kafka, not kafkajs (DESIGN.md "Kafka clients"): producing
 * the same 1.5 kB records, kafkajs spent ~42 µs of CPU per record (its CRC-32C and encoders are
 * plain JS), @platformatic/kafka ~7 µs (tools/bench ingest). Consumers and admin stay on kafkajs.
 */
// An ES module: loaded with import() in connect(); only its types are imported statically.
import type { MessageToProduce, Producer } from '@platformatic/kafka' with {
  'resolution-mode': 'import',
};
import { type Kafka } from 'kafkajs';
import { type Logger } from 'pino';
import { connectionSettingsOf } from './create-kafka';
import { javaCompatiblePartitioner } from './java-partitioner';

export interface ProducerMessage {
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

export interface ProducerRecord {
  topic: string;
  messages: ProducerMessage[];
}

export interface ReliableProducerOptions {
  /**
   * How long one send() may wait for the broker before it rejects with ProduceTimeoutError.
   * The outcome of a timed-out send is unknown (it may still be written): callers answer
   * "retry later" and rely on stable event ids to count a re-send once.
   */
  sendTimeoutMs?: number;
  /** Upper bound of key+value bytes coalesced into one produce request (below message.max.bytes). */
  maxCoalescedBytes?: number;
  /**
   * Record-batch compression. Off by default (small live batches gain little); bulk writers
   * use zstd, which kafkajs consumers read through the codec create-kafka registers.
   */
  compression?: 'zstd';
}

export class ProduceTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Kafka did not acknowledge the records within ${timeoutMs} ms`);
    this.name = 'ProduceTimeoutError';
  }
}

export class ProducerClosedError extends Error {
  constructor() {
    super('the producer is closed');
    this.name = 'ProducerClosedError';
  }
}

interface PendingSend {
  records: ProducerRecord[];
  bytes: number;
  settled: boolean;
  timer: NodeJS.Timeout;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const DEFAULT_SEND_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_COALESCED_BYTES = 512 * 1024;

function sizeOf(records: readonly ProducerRecord[]): number {
  let bytes = 0;
  for (const record of records) {
    for (const message of record.messages) {
      bytes += Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
      for (const [name, value] of Object.entries(message.headers ?? {})) {
        bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      }
    }
  }
  return bytes;
}

const asBuffer = (value: Buffer | string): Buffer =>
  Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');

/** The messages of several sends as one produce request, keeping each send's order. */
export function toProduceMessages(
  sends: readonly (readonly ProducerRecord[])[],
): MessageToProduce[] {
  const messages: MessageToProduce[] = [];
  for (const records of sends) {
    for (const { topic, messages: list } of records) {
      for (const { key, value, headers } of list) {
        const message: MessageToProduce = { topic, key: asBuffer(key), value: asBuffer(value) };
        if (headers !== undefined) {
          message.headers = new Map(
            Object.entries(headers).map(([name, text]) => [asBuffer(name), asBuffer(text)]),
          );
        }
        messages.push(message);
      }
    }
  }
  return messages;
}

/** Consecutive slices of `messages` of at most `maxBytes` each (a larger message alone). */
export function chunksOf(messages: MessageToProduce[], maxBytes: number): MessageToProduce[][] {
  const chunks: MessageToProduce[][] = [];
  let current: MessageToProduce[] = [];
  let bytes = 0;
  for (const message of messages) {
    let size = (message.key?.length ?? 0) + (message.value?.length ?? 0);
    if (message.headers instanceof Map) {
      for (const [name, value] of message.headers) size += name.length + value.length;
    }
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export class ReliableProducer {
  private readonly queue: PendingSend[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sendTimeoutMs: number;
  private readonly maxCoalescedBytes: number;
  private pumping = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly producer: Producer,
    private readonly logger: Logger,
    options: ReliableProducerOptions,
  ) {
    this.sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
    this.maxCoalescedBytes = options.maxCoalescedBytes ?? DEFAULT_MAX_COALESCED_BYTES;
  }

  static async connect(
    kafka: Kafka,
    logger: Logger,
    options: ReliableProducerOptions = {},
  ): Promise<ReliableProducer> {
    const { brokers, clientId, connectionTimeoutMs } = connectionSettingsOf(kafka);
    const { Producer, ProduceAcks } = await import('@platformatic/kafka');
    const producer = new Producer({
      clientId,
      bootstrapBrokers: [...brokers],
      connectTimeout: connectionTimeoutMs,
      idempotent: true,
      acks: ProduceAcks.ALL,
      ...(options.compression === undefined ? {} : { compression: options.compression }),
      autocreateTopics: false,
      // Java's (and kafkajs') key → partition mapping, so a key keeps its partition whichever
      // client wrote it, and every copy of an event lands where its first copy did.
      partitioner: javaCompatiblePartitioner,
    });
    try {
      // Connects and gets the producer id now, so a broker that is not there fails the start.
      await producer.initIdempotentProducer({});
    } catch (error) {
      await producer.close(true).catch(() => undefined);
      throw error;
    }
    return new ReliableProducer(
      producer,
      logger.child({ component: 'reliable-producer' }),
      options,
    );
  }

  /** Resolves once every record is acknowledged by all in-sync replicas. */
  send(records: ProducerRecord[]): Promise<void> {
    if (this.closing !== undefined) return Promise.reject(new ProducerClosedError());
    const nonEmpty = records.filter((record) => record.messages.length > 0);
    if (nonEmpty.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => {
      const pending: PendingSend = {
        records: nonEmpty,
        bytes: sizeOf(nonEmpty),
        settled: false,
        timer: setTimeout(() => {
          // Still queued (the broker is stuck on an earlier request): it will not be sent.
          const index = this.queue.indexOf(pending);
          if (index >= 0) this.queue.splice(index, 1);
          this.settle(pending, new ProduceTimeoutError(this.sendTimeoutMs));
        }, this.sendTimeoutMs),
        resolve,
        reject,
      };
      this.queue.push(pending);
    });
    this.inFlight.add(done);
    const forget = (): void => {
      this.inFlight.delete(done);
    };
    done.then(forget, forget);
    void this.pump();
    return done;
  }

  /** Waits for the sends already accepted, then disconnects. Later sends are refused. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      await this.producer.close();
    })();
    return this.closing;
  }

  private settle(pending: PendingSend, error?: unknown): void {
    if (pending.settled) return;
    pending.settled = true;
    clearTimeout(pending.timer);
    if (error === undefined) pending.resolve();
    else pending.reject(error);
  }

  /** Takes the waiting sends, oldest first, up to the coalescing byte limit (at least one). */
  private takeBatch(): PendingSend[] {
    const batch: PendingSend[] = [];
    let bytes = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (next === undefined) break;
      if (next.settled) {
        this.queue.shift();
        continue;
      }
      if (batch.length > 0 && bytes + next.bytes > this.maxCoalescedBytes) break;
      this.queue.shift();
      batch.push(next);
      bytes += next.bytes;
    }
    return batch;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let batch = this.takeBatch(); batch.length > 0; batch = this.takeBatch()) {
        await this.sendBatch(batch);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async sendBatch(batch: PendingSend[]): Promise<void> {
    try {
      await this.produce(batch);
      for (const pending of batch) this.settle(pending);
    } catch (error) {
      if (batch.length === 1) {
        for (const pending of batch) this.settle(pending, error);
        return;
      }
      // One caller's bad record (too large, invalid) must not fail the others: retry each alone.
      this.logger.warn(
        { err: error, sends: batch.length },
        'coalesced produce failed; retrying sends one by one',
      );
      for (const pending of batch) {
        if (pending.settled) continue;
        try {
          await this.produce([pending]);
          this.settle(pending);
        } catch (singleError) {
          this.settle(pending, singleError);
        }
      }
    }
  }

  private async produce(batch: readonly PendingSend[]): Promise<void> {
    const messages = toProduceMessages(batch.map((pending) => pending.records));
    // One record batch per partition must stay below the broker's message.max.bytes, even
    // when a single send is larger: requests of at most maxCoalescedBytes, in order.
    for (const chunk of chunksOf(messages, this.maxCoalescedBytes)) {
      await this.producer.send({ messages: chunk });
    }
  }
}
