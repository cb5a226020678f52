/** The webhook subscriptions as of the records applied so far, looked up by tenant. */
import { decodeWebhookRecord, type WebhookSubscription } from './webhook-subscription.records';

export class WebhookSubscriptionsState {
  private readonly byId = new Map<string, WebhookSubscription>();

  /** Applies one record of the topic (value null = tombstone); throws on a malformed record. */
  apply(key: string, value: Buffer | string | null): void {
    const { id, subscription } = decodeWebhookRecord(key, value);
    if (subscription === null) this.byId.delete(id);
    else this.byId.set(id, subscription);
  }

  get(id: string): WebhookSubscription | undefined {
    return this.byId.get(id);
  }

  /** Active subscriptions of one tenant only: a tenant never receives another's alerts. */
  activeFor(tenant: string): WebhookSubscription[] {
    return this.all().filter((s) => s.tenant === tenant && s.removedAt === null);
  }

  /** Every subscription, removed ones included, by tenant then id. */
  all(): WebhookSubscription[] {
    return [...this.byId.values()].sort(
      (a, b) => a.tenant.localeCompare(b.tenant) || a.id.localeCompare(b.id),
    );
  }
}
