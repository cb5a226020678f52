/**
 * `npm start` / `learnpulse start`: the whole system on one machine. Local stack (real Kafka,
 * embedded ClickHouse), every service in this process, the demo stream, and the URLs and
 * credentials a newcomer needs. Ctrl-C stops what this command started, in reverse order.
 */
import { basicAuthHeader } from '@learnpulse/auth';
import { loadConfigOrExit, type Environment } from '@learnpulse/config';
import { DEMO_COURSES, runDemoStream } from '@learnpulse/demo';
import { createLogger } from '@learnpulse/observability';
import { stackDown, stackUp } from '@learnpulse/stack';
import { HOSTED_APPS, startApps, stopApps } from '../app-registry';
import { loadOrCreateLocalSecrets } from '../local-secrets';
import { shutdownSignal } from '../shutdown-signal';

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function activityUrl(env: Environment, courseId: string): string {
  return `http://${env.HTTP_HOST}:${env.ANALYTICS_API_PORT}/v1/courses/${encodeURIComponent(courseId)}/activity`;
}

/** Polls the analytics API until the demo course shows events: the end-to-end time to first insight. */
async function waitUntilQueryable(
  env: Environment,
  secret: string,
  signal: AbortSignal,
): Promise<number> {
  const course = DEMO_COURSES[0];
  if (course === undefined) return 0;
  const authorization = basicAuthHeader(env.DEMO_LRS_KEY, secret);
  const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date().toISOString().slice(0, 10);
  while (!signal.aborted) {
    const response = await fetch(`${activityUrl(env, course.id)}?from=${from}&to=${to}`, {
      headers: { authorization },
    }).catch(() => undefined);
    if (response?.ok === true) {
      const body = (await response.json()) as { totalEvents?: number };
      if ((body.totalEvents ?? 0) > 0) return body.totalEvents ?? 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return 0;
}

export async function startCommand(): Promise<void> {
  const startedAt = Date.now();
  const seconds = (): string => ((Date.now() - startedAt) / 1000).toFixed(1);
  const home = loadConfigOrExit().LEARNPULSE_HOME;
  const secrets = loadOrCreateLocalSecrets(home);
  // Generated local secrets and a quieter log level are defaults; the environment wins.
  const env = loadConfigOrExit({
    LOG_LEVEL: 'warn',
    DEMO_LRS_SECRET: secrets.demoLrsSecret,
    METRICS_TOKEN: secrets.metricsToken,
    DEMO_CALIPER_TOKEN: secrets.demoCaliperToken,
    LEARNER_PSEUDONYM_KEY: secrets.learnerPseudonymKey,
    WEBHOOK_SIGNING_KEY: secrets.webhookSigningKey,
    ADMIN_TOKEN: secrets.adminToken,
    ...process.env,
  });
  const demoSecret = env.DEMO_LRS_SECRET ?? secrets.demoLrsSecret;
  const logger = createLogger(env, 'learnpulse');

  say('Starting the local stack (first run fetches Kafka from Maven Central)...');
  const stack = await stackUp(env, {
    externalKafka: env.KAFKA_EXTERNAL,
    log: (line) => {
      say(`  ${line}`);
    },
  });
  say(`Stack ready after ${seconds()} s. Starting services...`);
  const apps = await startApps(HOSTED_APPS, env);

  const abort = new AbortController();
  const demo = runDemoStream({
    baseUrl: `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}`,
    key: env.DEMO_LRS_KEY,
    secret: demoSecret,
    backfillDays: 28,
    liveRatePerSecond: 2,
    signal: abort.signal,
    log: logger,
  }).catch((error: unknown) => {
    logger.error({ err: error }, 'demo stream stopped');
  });

  const course = DEMO_COURSES[0];
  say();
  say('learnpulse is running');
  say(`  xAPI LRS         http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/`);
  const clickstream = `http://${env.HTTP_HOST}:${env.CLICKSTREAM_GATEWAY_PORT}`;
  say(`  edX events       ${clickstream}/edx/events  (HTTP Basic, NDJSON or JSON)`);
  say(`  Caliper          ${clickstream}/caliper  (Bearer token)`);
  say(
    `  analytics API    http://${env.HTTP_HOST}:${env.ANALYTICS_API_PORT}/  (OpenAPI at /docs, SQL at POST /v1/sql)`,
  );
  say(`  writer health    http://${env.HTTP_HOST}:${env.WAREHOUSE_WRITER_PORT}/health/ready`);
  say(
    `  risk engine      http://${env.HTTP_HOST}:${env.RISK_ENGINE_PORT}/health/ready  (topic learner.risk.v1)`,
  );
  say(
    `  alerts health    http://${env.HTTP_HOST}:${env.ALERT_DISPATCHER_PORT}/health/ready  (webhooks: npx learnpulse webhook add --tenant ${env.DEMO_TENANT} --url <url>)`,
  );
  say(
    `  Kafka            ${stack.kafka.brokers.join(',')}${stack.kafka.logFile === undefined ? '' : ` (log ${stack.kafka.logFile})`}`,
  );
  say(
    `  ClickHouse       ${stack.clickhouse.mode === 'server' ? (stack.clickhouse.url ?? '') : `embedded, ${stack.clickhouse.path ?? ''}`}`,
  );
  say(`  demo tenant      ${env.DEMO_TENANT}: HTTP Basic ${env.DEMO_LRS_KEY} / ${demoSecret}`);
  say(
    `  demo Caliper     Authorization: Bearer ${env.DEMO_CALIPER_TOKEN ?? '(DEMO_CALIPER_TOKEN unset)'}`,
  );
  say(
    `  metrics          GET /metrics on each port with "Authorization: Bearer ${env.METRICS_TOKEN ?? '(METRICS_TOKEN unset)'}"`,
  );
  say(
    `  operator token   ADMIN_TOKEN ${process.env.ADMIN_TOKEN === undefined ? `in ${home}/demo-secrets.json` : 'from the environment'} (for learnpulse learner erase|export)`,
  );
  if (course !== undefined) {
    say();
    say('Try:');
    say(`  curl -u ${env.DEMO_LRS_KEY}:${demoSecret} '${activityUrl(env, course.id)}'`);
    say(
      `  curl -u ${env.DEMO_LRS_KEY}:${demoSecret} -H 'Content-Type: application/x-ndjson' --data-binary @tracking.log ${clickstream}/edx/events`,
    );
  }
  say();
  void waitUntilQueryable(env, demoSecret, abort.signal).then((events) => {
    if (events > 0)
      say(
        `First demo events queryable in ClickHouse ${seconds()} s after start. Ctrl-C stops everything.`,
      );
  });

  await shutdownSignal();
  say('Stopping...');
  abort.abort();
  await demo;
  await stopApps(apps);
  if (stack.kafka.startedNow)
    await stackDown(env, {
      log: (line) => {
        say(`  ${line}`);
      },
    });
  say('Stopped.');
}
