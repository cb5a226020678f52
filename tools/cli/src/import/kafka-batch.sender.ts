/**
 * Back-pressure between reading and Kafka: batches go to the ReliableProducer with a bounded
 * number in flight (the reader waits when the bound is reached, so memory stays flat), and a
 * batch counts as committed only once it and every batch before it were acknowledged, which
 * is what the manifest's "committed line" needs.
 */
import { type ProducerRecord } from '@learnpulse/kafka';

export interface BatchProducer {
  send(records: ProducerRecord[]): Promise<void>;
}

/** Kafka did not take a batch: the run cannot go on (unlike a bad record or an unreadable file). */
export class KafkaSendError extends Error {
  constructor(cause: unknown) {
    super(
      `Kafka did not acknowledge a batch: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'KafkaSendError';
  }
}

interface InFlight<T> {
  acked: Promise<void>;
  checkpoint: T;
}

export class KafkaBatchSender<T> {
  private readonly inFlight: InFlight<T>[] = [];

  constructor(
    private readonly producer: BatchProducer,
    private readonly maxInFlight: number,
    /** Called in submission order, once per batch, after it and all before it are on Kafka. */
    private readonly onCommitted: (checkpoint: T) => Promise<void> | void,
  ) {}

  /** Sends a batch; resolves when there is room for the next one (not when this one is acked). */
  async submit(records: ProducerRecord[], checkpoint: T): Promise<void> {
    const acked = this.producer.send(records);
    // Rejections are handled when the batch reaches the head; this avoids an unhandled rejection
    // while it waits there.
    acked.catch(() => undefined);
    this.inFlight.push({ acked, checkpoint });
    while (this.inFlight.length >= this.maxInFlight) await this.commitHead();
  }

  /** Waits for every batch in flight. */
  async flush(): Promise<void> {
    while (this.inFlight.length > 0) await this.commitHead();
  }

  private async commitHead(): Promise<void> {
    const head = this.inFlight[0];
    if (head === undefined) return;
    try {
      await head.acked;
    } catch (error) {
      throw new KafkaSendError(error);
    } finally {
      this.inFlight.shift();
    }
    await this.onCommitted(head.checkpoint);
  }
}
