/**
 * Prints the foundation's figures:
 *  - time from `learnpulse start` (what `npm start` runs after `npm ci`) to the first demo event
 *    queryable through the analytics API, on a fresh LEARNPULSE_HOME (Kafka jars from the local
 *    Maven cache when present; storage formatted, topics created, migrations applied);
 *  - resident memory of each process when idle: the Kafka broker, the services process hosting
 *    all apps, and the xAPI gateway alone.
 * Needs the default ports (9092/9093, 8080-8083) free: stop `npm start` / `npm run stack:down` first.
 */
import { tempDir } from '@learnpulse/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runWatched } from './child-process-lines';
import { residentMiB } from './process-memory';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(workspaceRoot, 'tools/cli/bin/learnpulse.js');
const IDLE_SETTLE_MS = 15_000;

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The port whose readiness says the process is up: the last app `serve` starts. */
function readyPort(apps: readonly string[]): number {
  if (apps.length === 0 || apps.includes('clickstream-gateway')) return 8081;
  return apps.includes('xapi-gateway') ? 8080 : 8083;
}

async function idleMemory(env: NodeJS.ProcessEnv, apps: string[]): Promise<number> {
  const serve = runWatched(process.execPath, [cli, 'serve', ...apps], env);
  try {
    await waitForHttp(`http://127.0.0.1:${readyPort(apps)}/health/ready`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
    return residentMiB(serve.child.pid ?? 0);
  } finally {
    await serve.stop();
  }
}

async function waitForHttp(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

async function main(): Promise<void> {
  const home = tempDir('bench-home');
  const env: NodeJS.ProcessEnv = { ...process.env, LEARNPULSE_HOME: home, LOG_LEVEL: 'warn' };
  delete env.KAFKA_BROKERS;
  delete env.CLICKHOUSE_URL;

  print(`fresh LEARNPULSE_HOME ${home}`);
  const startedAt = Date.now();
  const start = runWatched(process.execPath, [cli, 'start'], env);
  try {
    await start.waitForLine(/^Stack ready after/, 300_000);
    const stackMs = Date.now() - startedAt;
    await start.waitForLine(/^First demo events queryable/, 300_000);
    const firstEventMs = Date.now() - startedAt;
    print(
      `stack ready (Kafka fetched/formatted/started, topics created): ${(stackMs / 1000).toFixed(1)} s`,
    );
    print(
      `first demo event queryable through the analytics API:        ${(firstEventMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await start.stop();
  }

  // Idle memory: a managed broker alone, then the services with no traffic.
  const stackUp = runWatched(process.execPath, [cli, 'stack', 'up'], env);
  await new Promise((resolve) => stackUp.child.once('exit', resolve));
  const kafkaPid = Number(readFileSync(path.join(home, 'kafka', 'kafka.pid'), 'utf8').trim());
  const serviceEnv = {
    ...env,
    DEMO_LRS_SECRET: 'bench-secret-value',
    LEARNER_PSEUDONYM_KEY: 'bench-pseudonym-key-of-at-least-32-chars',
  };
  try {
    const allApps = await idleMemory(serviceEnv, []);
    const gatewayAlone = await idleMemory(serviceEnv, ['xapi-gateway']);
    const clickstreamAlone = await idleMemory(serviceEnv, ['clickstream-gateway']);
    const warehouse = await idleMemory(serviceEnv, ['warehouse-writer', 'analytics-api']);
    print(
      `idle RSS, Kafka broker (JVM, -Xmx512m):                       ${residentMiB(kafkaPid).toFixed(0)} MiB`,
    );
    print(
      `idle RSS, all services in one process (embedded ClickHouse):  ${allApps.toFixed(0)} MiB`,
    );
    print(
      `idle RSS, xapi-gateway alone:                                 ${gatewayAlone.toFixed(0)} MiB`,
    );
    print(
      `idle RSS, clickstream-gateway alone:                          ${clickstreamAlone.toFixed(0)} MiB`,
    );
    print(
      `idle RSS, warehouse-writer + analytics-api (embedded CH):     ${warehouse.toFixed(0)} MiB`,
    );
  } finally {
    const down = runWatched(process.execPath, [cli, 'stack', 'down'], env);
    await new Promise((resolve) => down.child.once('exit', resolve));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
