/**
 * `learnpulse serve xapi-gateway` as a child on the bench broker: topics created first (the
 * broker does not auto-create them), an empty statement store migrated into a temp embedded
 * ClickHouse folder (the gateway reads it for duplicate and conflict checks), warn-level logs,
 * no METRICS_TOKEN.
 */
import {
  type ClickHouseClient,
  createClickHouseClient,
  runMigrations,
} from '@learnpulse/clickhouse';
import { loadConfig } from '@learnpulse/config';
import { randomUUID } from 'node:crypto';
import { type BenchKafka } from './bench-kafka';
import { type Cleanup, serveApps, type ServedApps, servicePorts } from './bench-support';
import { credentialEnv, type GatewayCredentials } from './xapi-load';

export interface GatewayUnderTest extends ServedApps {
  /** Point lookups timed on the empty store before the gateway started (when asked). */
  lookups: LookupProbe | null;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  env: NodeJS.ProcessEnv;
}

/** The environment of a service child on the bench broker and a fresh embedded ClickHouse. */
export function serviceEnv(
  kafka: BenchKafka,
  credentials: GatewayCredentials,
  settings: Record<string, string>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...kafka.env,
    ...credentialEnv(credentials),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // The gateways pseudonymise learners; the cost of the HMAC belongs in the measurement.
    LEARNER_PSEUDONYM_KEY: 'bench-pseudonym-key-of-at-least-32-chars',
    ...settings,
  };
  delete env.METRICS_TOKEN;
  delete env.CLICKHOUSE_URL;
  delete env.TENANT_CREDENTIALS;
  return env;
}

export interface LookupProbe {
  /** Milliseconds per point lookup, one at a time. */
  sequentialMs: number;
  /** Lookups per second with 16 in flight (what the gateway's write path allows per request). */
  concurrentPerSecond: number;
}

/** A point lookup by statement id like the gateway's duplicate check (store/statement-query.ts). */
const LOOKUP_SQL =
  'SELECT statement, is_voiding, voided_target_id, ' +
  'tenant_statement.statement_id IN (SELECT assumeNotNull(voided_target_id) FROM xapi_statements ' +
  'WHERE tenant = {tenant:String} AND is_voiding = 1 AND voided_target_id = {id:UUID}) AS voided ' +
  'FROM xapi_statement_bodies WHERE tenant_statement IN (SELECT ({tenant:String}, {id:UUID}))';

async function probeLookups(client: ClickHouseClient): Promise<LookupProbe> {
  const lookup = async (): Promise<void> => {
    const result = await client.query({
      query: LOOKUP_SQL,
      query_params: { tenant: 'bench', id: randomUUID() },
      format: 'JSONEachRow',
    });
    await result.json();
  };
  const sequential = 100;
  let started = performance.now();
  for (let i = 0; i < sequential; i += 1) await lookup();
  const sequentialMs = (performance.now() - started) / sequential;
  const concurrent = 320;
  let next = 0;
  started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < concurrent) {
        next += 1;
        await lookup();
      }
    }),
  );
  return { sequentialMs, concurrentPerSecond: concurrent / ((performance.now() - started) / 1000) };
}

/** Applies the migrations (the gateway alone does not); optionally times point lookups. */
export async function migrateStore(
  env: NodeJS.ProcessEnv,
  probe = false,
): Promise<LookupProbe | null> {
  const config = loadConfig(env);
  const client = createClickHouseClient(config);
  try {
    await runMigrations(client, config);
    return probe ? await probeLookups(client) : null;
  } finally {
    await client.close();
  }
}

export async function startGateway(
  cleanup: Cleanup,
  kafka: BenchKafka,
  credentials: GatewayCredentials,
  nodeArgs: string[] = [],
  probe = false,
): Promise<GatewayUnderTest> {
  const { gateway: port } = await servicePorts();
  const env = serviceEnv(kafka, credentials, {
    XAPI_GATEWAY_PORT: String(port),
    CHDB_PATH: cleanup.tempDir('bench-chdb'),
  });
  const lookups = await migrateStore(env, probe);
  const origin = `http://127.0.0.1:${port}`;
  const served = await serveApps(
    cleanup,
    ['xapi-gateway'],
    env,
    `${origin}/health/ready`,
    nodeArgs,
  );
  return { ...served, origin, port, env, lookups };
}
