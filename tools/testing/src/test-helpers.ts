/** Small helpers the integration specs share: free ports, temp folders, unique names, polling. */
import { loadConfig, type Environment } from '@learnpulse/config';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `learnpulse-${prefix}-`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** Polls until `probe` returns a value other than undefined, or fails after the timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
}

/**
 * An environment for one test: its own embedded ClickHouse folder, free ports, a demo
 * credential and Caliper token, a pseudonym key and a unique consumer group, on the shared
 * test Kafka.
 */
export async function testEnvironment(
  overrides: Record<string, string> = {},
): Promise<Environment> {
  const [gateway, clickstream, analytics, writer, alerts, risk] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  return loadConfig({
    // The run's own environment (KAFKA_BROKERS, CLICKHOUSE_URL, ...) passes through.
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    CHDB_PATH: tempDir('chdb'),
    XAPI_GATEWAY_PORT: String(gateway),
    CLICKSTREAM_GATEWAY_PORT: String(clickstream),
    ANALYTICS_API_PORT: String(analytics),
    WAREHOUSE_WRITER_PORT: String(writer),
    DEMO_TENANT: uniqueName('t').toLowerCase(),
    DEMO_LRS_KEY: uniqueName('key'),
    DEMO_LRS_SECRET: randomBytes(12).toString('hex'),
    DEMO_CALIPER_TOKEN: `${uniqueName('caliper')}.${randomBytes(18).toString('base64url')}`,
    LEARNER_PSEUDONYM_KEY: randomBytes(32).toString('base64url'),
    WAREHOUSE_CONSUMER_GROUP: uniqueName('warehouse-test'),
    RISK_ENGINE_PORT: String(risk),
    RISK_ENGINE_CONSUMER_GROUP: uniqueName('risk-engine-test'),
    ALERT_DISPATCHER_PORT: String(alerts),
    ALERT_CONSUMER_GROUP: uniqueName('alerts-test'),
    // The run's key when global setup set one (shared by every test file's dispatcher).
    WEBHOOK_SIGNING_KEY: process.env.WEBHOOK_SIGNING_KEY ?? randomBytes(32).toString('base64url'),
    ...overrides,
  });
}
