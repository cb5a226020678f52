/**
 * The one way a ClickHouse client is built: a server when CLICKHOUSE_URL is set, otherwise
 * the embedded engine (chdb) in this process, behind the same @clickhouse/client API.
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { type Environment } from '@learnpulse/config';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedConnection } from './embedded/embedded-connection';

export type ClickHouseEnvironment = Pick<
  Environment,
  | 'CLICKHOUSE_URL'
  | 'CLICKHOUSE_USER'
  | 'CLICKHOUSE_PASSWORD'
  | 'CLICKHOUSE_DATABASE'
  | 'CHDB_PATH'
  | 'LEARNPULSE_HOME'
>;

/** Absolute data folder of the embedded engine: CHDB_PATH, else `<LEARNPULSE_HOME>/clickhouse`. */
export function embeddedDataPath(env: Pick<Environment, 'CHDB_PATH' | 'LEARNPULSE_HOME'>): string {
  return path.resolve(env.CHDB_PATH ?? path.join(env.LEARNPULSE_HOME, 'clickhouse'));
}

/** True when the environment selects the embedded engine (no CLICKHOUSE_URL). */
export function isEmbedded(env: Pick<Environment, 'CLICKHOUSE_URL'>): boolean {
  return env.CLICKHOUSE_URL === undefined;
}

/**
 * A client whose queries run in CLICKHOUSE_DATABASE. In embedded mode the database is
 * created on first use and all clients of the process share one engine; close every client
 * you create (the engine closes with the last one).
 */
export function createClickHouseClient(env: ClickHouseEnvironment): ClickHouseClient {
  if (env.CLICKHOUSE_URL !== undefined) {
    return createClient({
      url: env.CLICKHOUSE_URL,
      username: env.CLICKHOUSE_USER,
      password: env.CLICKHOUSE_PASSWORD,
      database: env.CLICKHOUSE_DATABASE,
    });
  }
  const dataPath = embeddedDataPath(env);
  mkdirSync(dataPath, { recursive: true });
  const connection = new EmbeddedConnection(dataPath, env.CLICKHOUSE_DATABASE);
  const client = createClient({ connection, database: env.CLICKHOUSE_DATABASE });
  embeddedConnections.set(client, connection);
  return client;
}

/** The embedded connection behind each embedded client, for chdb's own raw inserts. */
const embeddedConnections = new WeakMap<ClickHouseClient, EmbeddedConnection>();

/** The client's embedded connection, or undefined for a ClickHouse server's client. */
export function embeddedConnectionOf(client: ClickHouseClient): EmbeddedConnection | undefined {
  return embeddedConnections.get(client);
}
