/**
 * A subscription's signing secret: HMAC-SHA256 of the master key (WEBHOOK_SIGNING_KEY, from the
 * environment) and the subscription id. Nothing secret is written to Kafka; the CLI shows the
 * secret once, when the subscription is added, and the dispatcher derives it again to sign.
 */
import { createHmac } from 'node:crypto';

export class MissingSigningKeyError extends Error {
  constructor() {
    super('WEBHOOK_SIGNING_KEY is not set (at least 32 characters; `npm start` generates one)');
    this.name = 'MissingSigningKeyError';
  }
}

export function deriveWebhookSecret(signingKey: string, subscriptionId: string): string {
  const mac = createHmac('sha256', signingKey)
    .update(`learnpulse-webhook-secret\u001f${subscriptionId}`)
    .digest('base64url');
  return `whsec_${mac}`;
}
