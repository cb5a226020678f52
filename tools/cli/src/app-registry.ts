/** The services one learnpulse process can host, by name, in the order they should start. */
import type { Environment } from '@learnpulse/config';
import type { INestApplication } from '@nestjs/common';

export interface HostedApp {
  name: string;
  /** Loaded on demand, so a process hosting only the gateway never loads the ClickHouse engine. */
  bootstrap: (env: Environment) => Promise<INestApplication>;
  url: (env: Environment) => string;
}

// The writer starts first: it applies the ClickHouse migrations the API reads.
export const HOSTED_APPS: readonly HostedApp[] = [
  {
    name: 'warehouse-writer',
    bootstrap: async (env) =>
      (await import('@learnpulse/warehouse-writer')).bootstrapWarehouseWriter(env),
    url: (env) => `http://${env.HTTP_HOST}:${env.WAREHOUSE_WRITER_PORT}/health/ready`,
  },
  {
    name: 'analytics-api',
    bootstrap: async (env) =>
      (await import('@learnpulse/analytics-api')).bootstrapAnalyticsApi(env),
    url: (env) => `http://${env.HTTP_HOST}:${env.ANALYTICS_API_PORT}/`,
  },
  {
    name: 'xapi-gateway',
    bootstrap: async (env) => (await import('@learnpulse/xapi-gateway')).bootstrapXapiGateway(env),
    url: (env) => `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/`,
  },
  {
    // Kafka only, no ClickHouse: it can run in any process.
    name: 'clickstream-gateway',
    bootstrap: async (env) =>
      (await import('@learnpulse/clickstream-gateway')).bootstrapClickstreamGateway(env),
    url: (env) => `http://${env.HTTP_HOST}:${env.CLICKSTREAM_GATEWAY_PORT}/`,
  },
  {
    // Kafka only: learning.events.v1 → learner state → learner.risk.v1.
    name: 'risk-engine',
    bootstrap: async (env) => (await import('@learnpulse/risk-engine')).bootstrapRiskEngine(env),
    url: (env) => `http://${env.HTTP_HOST}:${env.RISK_ENGINE_PORT}/health/ready`,
  },
  {
    // Kafka only: learner.risk.v1 → signed webhooks.
    name: 'alert-dispatcher',
    bootstrap: async (env) =>
      (await import('@learnpulse/alert-dispatcher')).bootstrapAlertDispatcher(env),
    url: (env) => `http://${env.HTTP_HOST}:${env.ALERT_DISPATCHER_PORT}/health/ready`,
  },
];

export function selectApps(names: readonly string[]): HostedApp[] {
  if (names.length === 0) return [...HOSTED_APPS];
  const unknown = names.filter((name) => !HOSTED_APPS.some((app) => app.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown app ${unknown.join(', ')}; known: ${HOSTED_APPS.map((a) => a.name).join(', ')}`,
    );
  }
  return HOSTED_APPS.filter((app) => names.includes(app.name));
}

/** Starts the apps one after the other; if one fails, the ones already up are closed again. */
export async function startApps(
  apps: readonly HostedApp[],
  env: Environment,
): Promise<INestApplication[]> {
  const started: INestApplication[] = [];
  try {
    for (const app of apps) started.push(await app.bootstrap(env));
  } catch (error) {
    await stopApps(started);
    throw error;
  }
  return started;
}

/** Closes in reverse start order so producers flush before the sink and the API go. */
export async function stopApps(apps: readonly INestApplication[]): Promise<void> {
  for (const app of [...apps].reverse()) await app.close();
}
