/**
 * Applies the SQL migrations that the database has not seen yet, in order, and records
 * each in `schema_migrations`. Every statement is idempotent (IF NOT EXISTS), so two
 * processes starting together both succeed; an applied file that changed is an error.
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { type ClickHouseEnvironment, isEmbedded } from '../create-clickhouse-client';
import { toDateTime64 } from '../date-time64';
import { loadMigrations, type Migration } from './migration-files';

export class MigrationChecksumError extends Error {
  constructor(
    readonly version: number,
    readonly migration: string,
    readonly applied: string,
    readonly found: string,
  ) {
    super(
      `migration ${String(version).padStart(4, '0')}_${migration} was changed after it was applied ` +
        `(applied checksum ${applied}, file ${found}); add a new migration instead`,
    );
    this.name = 'MigrationChecksumError';
  }
}

export interface RunMigrationsOptions {
  /** Folder of the NNNN_name.sql files; defaults to this package's `migrations/`. */
  directory?: string;
  logger?: { info: (fields: object, message: string) => void };
}

export interface RunMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
}

const SCHEMA_MIGRATIONS_DDL = `
CREATE TABLE IF NOT EXISTS schema_migrations
(
    version UInt32 COMMENT 'Number of the migration file (NNNN)',
    name String COMMENT 'Name part of the migration file',
    checksum String COMMENT 'sha256 of the file when it was applied',
    applied_at DateTime64(3, 'UTC') COMMENT 'When the migration was applied'
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY version
COMMENT 'SQL migrations (libs/clickhouse/migrations) applied to this database'`;

interface AppliedRow {
  version: number | string;
  name: string;
  checksum: string;
}

function label(migration: Pick<Migration, 'version' | 'name'>): string {
  return `${String(migration.version).padStart(4, '0')}_${migration.name}`;
}

/** A server's database must exist before a client bound to it can run anything. */
async function ensureServerDatabase(env: ClickHouseEnvironment): Promise<void> {
  if (isEmbedded(env) || env.CLICKHOUSE_URL === undefined) return; // the engine creates it
  const admin = createClient({
    url: env.CLICKHOUSE_URL,
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
  });
  try {
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS \`${env.CLICKHOUSE_DATABASE}\`` });
  } finally {
    await admin.close();
  }
}

async function readApplied(client: ClickHouseClient): Promise<Map<number, AppliedRow>> {
  const result = await client.query({
    query: 'SELECT version, name, checksum FROM schema_migrations FINAL ORDER BY version',
    format: 'JSONEachRow',
  });
  const rows = await result.json<AppliedRow>();
  return new Map(rows.map((row) => [Number(row.version), row]));
}

/**
 * Runners of one process go one after another: apps sharing a process (single-machine mode)
 * all migrate at start, and concurrent DDL on the embedded engine (e.g. two ALTERs of one
 * table) can block each other. Runners in different processes rely on IF NOT EXISTS.
 */
let processQueue: Promise<unknown> = Promise.resolve();

export function runMigrations(
  client: ClickHouseClient,
  env: ClickHouseEnvironment,
  options: RunMigrationsOptions = {},
): Promise<RunMigrationsResult> {
  const run = processQueue.then(() => applyMigrations(client, env, options));
  processQueue = run.catch(() => undefined); // the next runner starts whatever this one did
  return run;
}

async function applyMigrations(
  client: ClickHouseClient,
  env: ClickHouseEnvironment,
  options: RunMigrationsOptions,
): Promise<RunMigrationsResult> {
  const migrations = loadMigrations(options.directory);
  await ensureServerDatabase(env);
  await client.command({ query: SCHEMA_MIGRATIONS_DDL });
  const applied = await readApplied(client);

  for (const migration of migrations) {
    const done = applied.get(migration.version);
    if (done !== undefined && done.checksum !== migration.checksum) {
      throw new MigrationChecksumError(
        migration.version,
        migration.name,
        done.checksum,
        migration.checksum,
      );
    }
  }

  const result: RunMigrationsResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    if (applied.has(migration.version)) {
      result.alreadyApplied.push(label(migration));
      continue;
    }
    for (const statement of migration.statements) {
      await client.command({ query: statement });
    }
    await client.insert({
      table: 'schema_migrations',
      values: [
        {
          version: migration.version,
          name: migration.name,
          checksum: migration.checksum,
          applied_at: toDateTime64(Date.now()),
        },
      ],
      format: 'JSONEachRow',
    });
    result.applied.push(label(migration));
    options.logger?.info({ migration: label(migration) }, 'applied ClickHouse migration');
  }
  return result;
}
