/**
 * One HTTP POST of a signed alert, bounded in time. The outcome says whether a retry can help:
 * network errors, timeouts, 408, 429 and 5xx can; any other non-2xx (the receiver refuses the
 * request) and redirects cannot.
 */
import { SIGNATURE_HEADER, signatureHeader } from '../alerts/webhook-signature';

export interface WebhookRequest {
  url: string;
  body: string;
  secret: string;
  idempotencyKey: string;
  subscriptionId: string;
  attempt: number;
  timeoutMs: number;
}

export type WebhookResponse =
  | { ok: true; status: number }
  | { ok: false; status: number | null; retryable: boolean; error: string };

const RETRYABLE_STATUSES = new Set([408, 425, 429]);

export async function postWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'learnpulse-alert-dispatcher',
        'idempotency-key': request.idempotencyKey,
        [SIGNATURE_HEADER]: signatureHeader(request.secret, timestamp, request.body),
        'x-learnpulse-subscription': request.subscriptionId,
        'x-learnpulse-delivery-attempt': String(request.attempt),
      },
      body: request.body,
    });
    // The body is not needed; reading it frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status };
    const retryable = response.status >= 500 || RETRYABLE_STATUSES.has(response.status);
    return { ok: false, status: response.status, retryable, error: `HTTP ${response.status}` };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const text = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
    return { ok: false, status: null, retryable: true, error: text };
  }
}
