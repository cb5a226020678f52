/**
 * Readiness check: the cluster answers a metadata request within a short time.
 */
import { type Kafka } from 'kafkajs';

export class KafkaUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KafkaUnavailableError';
  }
}

/** Throws KafkaUnavailableError when no broker describes the cluster within `timeoutMs`. */
export async function checkKafka(kafka: Kafka, timeoutMs = 5_000): Promise<void> {
  // No retries: a readiness probe should answer now, the next probe tries again.
  const admin = kafka.admin({ retry: { retries: 0 } });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new KafkaUnavailableError(`Kafka did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await admin.connect();
        const { brokers } = await admin.describeCluster();
        if (brokers.length === 0) throw new KafkaUnavailableError('Kafka reports no brokers');
      })(),
      timeout,
    ]);
  } catch (error) {
    if (error instanceof KafkaUnavailableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KafkaUnavailableError(`Kafka is unreachable: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
    await admin.disconnect();
  }
}
