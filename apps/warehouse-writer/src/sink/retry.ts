/**
 * Retries one step of the sink until it succeeds or the consumer stops: a batch is never
 * skipped because ClickHouse or Kafka was briefly away.
 */

export class SinkStoppedError extends Error {
  constructor() {
    super('the sink stopped before the batch was written');
    this.name = 'SinkStoppedError';
  }
}

export interface RetryOptions {
  /** False once the consumer is stopping or lost the partition: give up without committing. */
  shouldContinue: () => boolean;
  /** Called after each failure, before waiting. */
  onRetry: (error: unknown, attempt: number, delayMs: number) => void;
  /** Keeps the consumer in its group while waiting. */
  heartbeat?: () => Promise<void>;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** 200 ms, 400 ms, ... up to maxDelayMs, with up to 20% jitter so restarts do not align. */
export function backoffDelay(attempt: number, initialDelayMs = 200, maxDelayMs = 10_000): number {
  const base = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempt - 1, 20));
  return Math.round(base * (1 + Math.random() * 0.2));
}

async function sleepWhile(ms: number, options: RetryOptions): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && options.shouldContinue()) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
    await options.heartbeat?.();
  }
}

export async function retryUntilDone<T>(step: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    if (!options.shouldContinue()) throw new SinkStoppedError();
    try {
      return await step();
    } catch (error) {
      if (!options.shouldContinue()) throw new SinkStoppedError();
      const delay = backoffDelay(attempt, options.initialDelayMs, options.maxDelayMs);
      options.onRetry(error, attempt, delay);
      await sleepWhile(delay, options);
    }
  }
}
