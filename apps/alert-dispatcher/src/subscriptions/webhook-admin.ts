/**
 * Runtime management of webhook subscriptions, as the CLI does it: read the webhook topic up to
 * its end, then write one record with the reliable producer. A new subscription's secret is
 * derived from WEBHOOK_SIGNING_KEY and returned once to the caller; nothing secret is written.
 */
import {
  CompactedTopicReader,
  ensureTopics,
  ReliableProducer,
  TOPIC_SPECS,
  TOPICS,
  type TopicSpec,
} from '@learnpulse/kafka';
import { type RiskLevel } from '@learnpulse/events';
import { type Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { type Logger } from 'pino';
import { deriveWebhookSecret, MissingSigningKeyError } from './webhook-secret';
import {
  encodeWebhookSubscription,
  webhookRecordKey,
  type WebhookSubscription,
  webhookSubscriptionSchema,
} from './webhook-subscription.records';
import { WebhookSubscriptionsState } from './webhook-subscriptions.state';

export interface NewWebhook {
  subscription: WebhookSubscription;
  /** The signing secret: shown to the operator once. */
  secret: string;
}

export interface WebhookAdminOptions {
  signingKey: string | undefined;
  /** The webhook topic; TOPICS.webhookSubscriptions unless a test isolates its own. */
  topic?: string;
  clientId: string;
  /** Used to create the topic when it is missing. */
  partitions: number;
  replicationFactor: number;
}

/** The webhook topic's spec under the given name (a test may isolate its own copy). */
export function webhookTopicSpec(name: string = TOPICS.webhookSubscriptions): TopicSpec {
  const spec = TOPIC_SPECS.find((s) => s.name === TOPICS.webhookSubscriptions);
  if (spec === undefined) throw new Error(`${TOPICS.webhookSubscriptions} is not declared`);
  return { ...spec, name };
}

export class WebhookAdmin {
  private constructor(
    readonly state: WebhookSubscriptionsState,
    private readonly reader: CompactedTopicReader,
    private readonly producer: ReliableProducer,
    private readonly topic: string,
    private readonly signingKey: string | undefined,
  ) {}

  static async open(
    kafka: Kafka,
    logger: Logger,
    options: WebhookAdminOptions,
  ): Promise<WebhookAdmin> {
    const topic = options.topic ?? TOPICS.webhookSubscriptions;
    await ensureTopics(kafka, {
      partitions: options.partitions,
      replicationFactor: options.replicationFactor,
      topics: [webhookTopicSpec(topic)],
    });
    const state = new WebhookSubscriptionsState();
    const reader = await CompactedTopicReader.start(kafka, {
      topic,
      groupPrefix: `${options.clientId}-webhooks`,
      logger,
      apply: ({ key, value }) => {
        state.apply(key, value);
      },
    });
    try {
      await reader.caughtUp;
      const producer = await ReliableProducer.connect(kafka, logger);
      return new WebhookAdmin(state, reader, producer, topic, options.signingKey);
    } catch (error) {
      await reader.stop();
      throw error;
    }
  }

  private async write(subscription: WebhookSubscription): Promise<void> {
    const value = encodeWebhookSubscription(subscription);
    const key = webhookRecordKey(subscription.id);
    await this.producer.send([{ topic: this.topic, messages: [{ key, value }] }]);
    this.state.apply(key, value);
  }

  async add(options: { tenant: string; url: string; minLevel: RiskLevel }): Promise<NewWebhook> {
    if (this.signingKey === undefined) throw new MissingSigningKeyError();
    const candidate = {
      type: 'webhook' as const,
      id: `wh_${randomBytes(8).toString('hex')}`,
      tenant: options.tenant,
      url: options.url,
      minLevel: options.minLevel,
      createdAt: new Date().toISOString(),
      removedAt: null,
    };
    const parsed = webhookSubscriptionSchema.safeParse(candidate);
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    await this.write(parsed.data);
    return {
      subscription: parsed.data,
      secret: deriveWebhookSecret(this.signingKey, candidate.id),
    };
  }

  list(tenant?: string): WebhookSubscription[] {
    return this.state.all().filter((s) => tenant === undefined || s.tenant === tenant);
  }

  async remove(id: string): Promise<WebhookSubscription> {
    const current = this.state.get(id);
    if (current === undefined) throw new Error(`no webhook subscription with id "${id}"`);
    if (current.removedAt !== null) {
      throw new Error(`webhook "${id}" was already removed at ${current.removedAt}`);
    }
    const removed = { ...current, removedAt: new Date().toISOString() };
    await this.write(removed);
    return removed;
  }

  async close(): Promise<void> {
    await this.producer.close();
    await this.reader.stop();
  }
}
