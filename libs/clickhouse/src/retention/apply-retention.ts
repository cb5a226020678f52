/**
 * Applies the configured retention at start (after the migrations): ALTER TABLE ... MODIFY
 * TTL where a table's TTL differs from the plan, REMOVE TTL where it should keep forever.
 * Tables already at their plan are left alone, so a restart starts no TTL mutation.
 */
import { type ClickHouseClient } from '@clickhouse/client';
import {
  currentTtl,
  retentionPlan,
  type RetentionSettings,
  retentionStatement,
  type TableRetention,
} from './table-retention';

export interface ApplyRetentionResult {
  changed: TableRetention[];
  plan: TableRetention[];
}

export async function applyRetention(
  client: ClickHouseClient,
  settings: RetentionSettings,
  logger?: { info: (fields: object, message: string) => void },
): Promise<ApplyRetentionResult> {
  const plan = retentionPlan(settings);
  const result = await client.query({
    query: `SELECT name, create_table_query FROM system.tables
            WHERE database = currentDatabase() AND name IN {tables:Array(String)}`,
    query_params: { tables: plan.map((p) => p.table) },
    format: 'JSONEachRow',
  });
  const queries = new Map(
    (await result.json<{ name: string; create_table_query: string }>()).map((row) => [
      row.name,
      row.create_table_query,
    ]),
  );
  const changed: TableRetention[] = [];
  for (const planned of plan) {
    const create = queries.get(planned.table);
    if (create === undefined)
      throw new Error(`table ${planned.table} does not exist; run the migrations first`);
    const statement = retentionStatement(planned, currentTtl(create));
    if (statement === null) continue;
    await client.command({ query: statement });
    changed.push(planned);
    logger?.info({ table: planned.table, days: planned.days }, 'applied table retention');
  }
  return { changed, plan };
}
