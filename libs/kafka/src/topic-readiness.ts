/**
 * Waits out the moments after a topic is created in which the broker already accepted it but
 * does not serve it yet. Under load a single KRaft broker answers metadata with
 * UNKNOWN_TOPIC_OR_PARTITION, and ListOffsets with NOT_LEADER_FOR_PARTITION, for seconds after
 * createTopics returned with leaders elected. kafkajs gives up on both (fetchTopicOffsets bails
 * on anything but an unknown topic, and wraps exhausted retries), so callers that read a new
 * topic's offsets retry here until the topic settles or the deadline passes.
 */
import { type Admin } from 'kafkajs';

const SETTLING_ERROR_TYPES = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
]);

const RETRY_MS = 100;
const DEFAULT_TIMEOUT_MS = 30_000;

/** True when the error, or an error it wraps, says the topic is not served yet. */
export function isTopicSettlingError(error: unknown): boolean {
  let current: unknown = error;
  // kafkajs wraps the broker's error in KafkaJSNumberOfRetriesExceeded (cause) or bails with it.
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const { type } = current as { type?: unknown };
    if (typeof type === 'string' && SETTLING_ERROR_TYPES.has(type)) return true;
    current = current.cause;
  }
  return false;
}

/** Runs `action`, again every 100 ms while it fails with a settling error, until the deadline. */
export async function onceTopicsSettle<T>(
  action: () => Promise<T>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (!isTopicSettlingError(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** The topic's offsets per partition, waiting while a new topic's leaders start serving. */
export function fetchSettledTopicOffsets(
  admin: Admin,
  topic: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): ReturnType<Admin['fetchTopicOffsets']> {
  return onceTopicsSettle(() => admin.fetchTopicOffsets(topic), timeoutMs);
}
