/**
 * The records of the compacted webhook topic (`learnpulse.webhooks.v1`): key `webhook:<id>`,
 * JSON value. No secret is stored: the signing secret is derived from WEBHOOK_SIGNING_KEY and
 * the id (webhook-secret.ts). Removal keeps the record with `removedAt` set (a tombstone is also
 * understood), so the history stays readable and an id is never reused.
 */
import { RISK_LEVELS } from '@learnpulse/events';
import { z } from 'zod';

export const WEBHOOK_ID_PATTERN = /^wh_[a-f0-9]{16}$/;

export const webhookSubscriptionSchema = z.object({
  type: z.literal('webhook'),
  id: z.string().regex(WEBHOOK_ID_PATTERN, 'id must be wh_ and 16 hex digits'),
  tenant: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'tenant must be a lowercase slug'),
  url: z
    .url()
    .max(2048)
    .regex(/^https?:\/\//, 'url must be an http(s) URL'),
  /** The lowest level this subscriber wants to hear about. */
  minLevel: z.enum(RISK_LEVELS),
  createdAt: z.iso.datetime(),
  removedAt: z.iso.datetime().nullable(),
});
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

export function webhookRecordKey(id: string): string {
  return `webhook:${id}`;
}

export function encodeWebhookSubscription(subscription: WebhookSubscription): string {
  return JSON.stringify(webhookSubscriptionSchema.parse(subscription));
}

/** One record: the subscription, or null for a tombstone. Throws on a malformed record. */
export function decodeWebhookRecord(
  key: string,
  value: Buffer | string | null,
): { id: string; subscription: WebhookSubscription | null } {
  if (!key.startsWith('webhook:')) throw new Error(`unknown webhook record key ${key}`);
  const id = key.slice('webhook:'.length);
  if (value === null) return { id, subscription: null };
  const subscription = webhookSubscriptionSchema.parse(JSON.parse(value.toString()));
  if (subscription.id !== id)
    throw new Error(`webhook record under ${key} names ${subscription.id}`);
  return { id, subscription };
}
