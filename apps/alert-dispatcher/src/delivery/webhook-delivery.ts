/**
 * Delivers one alert to one subscription: up to `maxAttempts` POSTs with exponential backoff and
 * jitter between them. It gives up early (without an outcome) when the consumer stops, so the
 * alert is not committed and is delivered again, with the same idempotency key, after a restart.
 */
import { retryDelayMs } from './backoff';
import { postWebhook, type WebhookRequest, type WebhookResponse } from './webhook-request';

export interface DeliveryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
}

export type DeliveryOutcome =
  | { delivered: true; attempts: number; status: number }
  | { delivered: false; attempts: number; status: number | null; error: string };

export class DeliveryStoppedError extends Error {
  constructor() {
    super('the dispatcher stopped before the alert was delivered');
    this.name = 'DeliveryStoppedError';
  }
}

export interface DeliveryHooks {
  /** False once the consumer is stopping or lost the partition. */
  shouldContinue: () => boolean;
  /** Keeps the consumer in its group while waiting between attempts. */
  heartbeat: () => Promise<void>;
  onAttempt: (response: WebhookResponse, attempt: number) => void;
}

async function pause(ms: number, hooks: DeliveryHooks): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!hooks.shouldContinue()) throw new DeliveryStoppedError();
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, until - Date.now())));
    await hooks.heartbeat();
  }
}

export async function deliverWithRetries(
  request: Omit<WebhookRequest, 'attempt' | 'timeoutMs'>,
  policy: DeliveryPolicy,
  hooks: DeliveryHooks,
  post: (request: WebhookRequest) => Promise<WebhookResponse> = postWebhook,
): Promise<DeliveryOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    if (!hooks.shouldContinue()) throw new DeliveryStoppedError();
    const response = await post({ ...request, attempt, timeoutMs: policy.timeoutMs });
    hooks.onAttempt(response, attempt);
    if (response.ok) return { delivered: true, attempts: attempt, status: response.status };
    if (!response.retryable || attempt >= policy.maxAttempts) {
      return {
        delivered: false,
        attempts: attempt,
        status: response.status,
        error: response.error,
      };
    }
    await pause(retryDelayMs(attempt, policy.retryBaseMs, policy.retryMaxMs), hooks);
  }
}
