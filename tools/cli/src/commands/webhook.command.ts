/**
 * `learnpulse webhook add|list|remove`: per-tenant webhook subscriptions of alert-dispatcher,
 * on the compacted topic `learnpulse.webhooks.v1`; a running dispatcher sees a change within
 * about a second. `add` prints the subscription's signing secret once: it is derived from
 * WEBHOOK_SIGNING_KEY (from the environment, or the one `npm start` generated in
 * LEARNPULSE_HOME), so nothing secret is stored on Kafka.
 */
import {
  type NewWebhook,
  WebhookAdmin,
  type WebhookSubscription,
} from '@learnpulse/alert-dispatcher';
import { loadConfigOrExit, type Environment } from '@learnpulse/config';
import { RISK_LEVELS, type RiskLevel } from '@learnpulse/events';
import { createKafka } from '@learnpulse/kafka';
import { createLogger } from '@learnpulse/observability';
import { loadOrCreateLocalSecrets } from '../local-secrets';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function withWebhookAdmin<T>(
  run: (admin: WebhookAdmin) => Promise<T>,
  env: Environment,
): Promise<T> {
  const logger = createLogger({ ...env, LOG_LEVEL: 'warn' }, 'learnpulse-cli');
  const admin = await WebhookAdmin.open(createKafka(env, 'cli', logger), logger, {
    signingKey: env.WEBHOOK_SIGNING_KEY,
    clientId: env.KAFKA_CLIENT_ID,
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
  });
  try {
    return await run(admin);
  } finally {
    await admin.close();
  }
}

/** The environment, with the local demo's signing key when WEBHOOK_SIGNING_KEY is not set. */
function cliEnvironment(): Environment {
  const env = loadConfigOrExit();
  if (env.WEBHOOK_SIGNING_KEY !== undefined) return env;
  return {
    ...env,
    WEBHOOK_SIGNING_KEY: loadOrCreateLocalSecrets(env.LEARNPULSE_HOME).webhookSigningKey,
  };
}

function parseLevel(level: string): RiskLevel {
  const found = RISK_LEVELS.find((known) => known === level);
  if (found === undefined) throw new Error(`--min-level must be one of ${RISK_LEVELS.join(', ')}`);
  return found;
}

export interface AddWebhookOptions {
  tenant: string;
  url: string;
  minLevel?: string;
}

export async function addWebhook(
  options: AddWebhookOptions,
  env: Environment = cliEnvironment(),
): Promise<NewWebhook> {
  const minLevel = parseLevel(options.minLevel ?? 'medium');
  return withWebhookAdmin(
    (admin) => admin.add({ tenant: options.tenant, url: options.url, minLevel }),
    env,
  );
}

export async function listWebhooks(
  tenant: string | undefined,
  env: Environment = cliEnvironment(),
): Promise<WebhookSubscription[]> {
  return withWebhookAdmin((admin) => Promise.resolve(admin.list(tenant)), env);
}

export async function removeWebhook(
  id: string,
  env: Environment = cliEnvironment(),
): Promise<WebhookSubscription> {
  return withWebhookAdmin((admin) => admin.remove(id), env);
}

export async function webhookAddCommand(options: AddWebhookOptions): Promise<void> {
  const { subscription, secret } = await addWebhook(options);
  say(`webhook ${subscription.id} added for tenant ${subscription.tenant}`);
  say(`  url        ${subscription.url}`);
  say(`  min level  ${subscription.minLevel}`);
  say(`  secret     ${secret}   (shown once; verify X-Learnpulse-Signature with it)`);
}

export async function webhookListCommand(options: { tenant?: string }): Promise<void> {
  const webhooks = await listWebhooks(options.tenant);
  if (webhooks.length === 0) say('no webhook subscriptions');
  for (const w of webhooks) {
    const state = w.removedAt === null ? 'active' : `removed ${w.removedAt}`;
    say(`${w.id}\t${w.tenant}\t${w.minLevel}\t${w.url}\t${state}`);
  }
}

export async function webhookRemoveCommand(id: string): Promise<void> {
  const removed = await removeWebhook(id);
  say(`webhook ${removed.id} removed (tenant ${removed.tenant})`);
}
