/**
 * The producer every writer of an accepted event uses: idempotent, acks from all
 * in-sync replicas, and a promise that resolves only once the broker has the records.
 *
 * Concurrent send() calls are coalesced into one produce request while the previous
 * one is in flight (kafkajs serialises idempotent produce requests per broker anyway),
 * so thousands of concurrent HTTP requests cost a handful of round trips.
 */
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { type Logger } from 'pino';

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

/** Merges records of several sends into one message list per topic, keeping each send's order. */
export function toTopicMessages(sends: readonly (readonly ProducerRecord[])[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const records of sends) {
    for (const { topic, messages } of records) {
      let list = byTopic.get(topic);
      if (list === undefined) {
        list = [];
        byTopic.set(topic, list);
      }
      for (const { key, value, headers } of messages) {
        list.push(headers === undefined ? { key, value } : { key, value, headers });
      }
    }
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
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
    const producer = kafka.producer({
      idempotent: true,
      // kafkajs keeps sequence numbers correct only with one produce request in flight.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
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
      await this.producer.disconnect();
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
    await this.producer.sendBatch({
      topicMessages: toTopicMessages(batch.map((pending) => pending.records)),
      acks: -1,
    });
  }
}
