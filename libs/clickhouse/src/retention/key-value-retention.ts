/**
 * Retention of the key-value tables (EmbeddedRocksDB takes no TTL): their expired rows are
 * deleted by a statement that warehouse-writer runs at start and then every hour. Each such
 * table copies a MergeTree table and keeps its retention; TTL merges remove that table's
 * expired rows lazily too (ClickHouse's merge_with_ttl_timeout is 4 hours).
 */
import { type ClickHouseClient } from '@clickhouse/client';
import { retentionPlan, type RetentionSettings, ttlExpression } from './table-retention';

export interface KeyValueRetentionTable {
  table: string;
  /** Time column the retention counts from. */
  column: string;
  /** The MergeTree table whose retention it keeps. */
  follows: string;
}

export const KEY_VALUE_RETENTION_TABLES: readonly KeyValueRetentionTable[] = [
  { table: 'xapi_statement_bodies', column: 'stored', follows: 'xapi_statements' },
];

/** How often warehouse-writer deletes the expired rows of the key-value tables. */
export const KEY_VALUE_PURGE_INTERVAL_MS = 60 * 60_000;

export interface PurgeStatement {
  table: string;
  days: number;
  query: string;
}

/** The DELETE of each key-value table whose copied table expires rows (0 days keeps forever). */
export function purgeStatements(settings: RetentionSettings): PurgeStatement[] {
  const days = new Map(retentionPlan(settings).map((planned) => [planned.table, planned.days]));
  return KEY_VALUE_RETENTION_TABLES.flatMap(({ table, column, follows }) => {
    const keep = days.get(follows) ?? 0;
    if (keep <= 0) return [];
    return [
      {
        table,
        days: keep,
        // The same cutoff as the TTL of the copied table.
        query: `DELETE FROM ${table} WHERE ${ttlExpression(column, keep)} <= now()`,
      },
    ];
  });
}

/** Deletes the expired rows of every key-value table; resolves to the tables purged. */
export async function purgeExpiredKeyValueRows(
  client: ClickHouseClient,
  settings: RetentionSettings,
): Promise<PurgeStatement[]> {
  const statements = purgeStatements(settings);
  for (const statement of statements) await client.command({ query: statement.query });
  return statements;
}
