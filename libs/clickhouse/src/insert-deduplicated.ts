/**
 * Inserts a batch as one block that ClickHouse stores at most once per token: a retry of
 * the identical batch with the same token is dropped by the table's insert deduplication
 * (raw table) and, through the materialized views, by the rollup tables' own.
 */
import { type ClickHouseClient } from '@clickhouse/client';
import { embeddedConnectionOf } from './create-clickhouse-client';
import { encodeRowBlock } from './embedded/row-block';

export interface DeduplicatedInsert<Row> {
  table: string;
  rows: readonly Row[];
  /** Stable identity of the batch, e.g. `<group>:<topic>:<partition>:<first>-<last>`. */
  token: string;
}

export const DEDUPLICATED_INSERT_SETTINGS = {
  insert_deduplicate: 1,
  // Default on recent servers but not on older ones: without it a re-inserted block is
  // dropped from the raw table yet still counted again by the views.
  deduplicate_blocks_in_dependent_materialized_views: 1,
  // An async insert would split or merge the batch, and its dedup follows other rules.
  async_insert: 0,
  // The rollup views of learning_events run side by side instead of one after the other: a
  // 50,000-row insert took 36,000 rows/s sequentially and 56,000 in parallel (embedded engine,
  // 2 cores). Each view still deduplicates its block by the token.
  parallel_view_processing: 1,
} as const;

export async function insertDeduplicated<Row extends Record<string, unknown>>(
  client: ClickHouseClient,
  { table, rows, token }: DeduplicatedInsert<Row>,
): Promise<void> {
  if (rows.length === 0) return;
  const settings = { ...DEDUPLICATED_INSERT_SETTINGS, insert_deduplication_token: token };
  const embedded = embeddedConnectionOf(client);
  if (embedded !== undefined) {
    // The same rows always encode to the same bytes, so a retried batch is the same block.
    await embedded.insertBlock({ table, block: encodeRowBlock(rows), settings });
    return;
  }
  await client.insert({
    table,
    values: rows as Row[],
    format: 'JSONEachRow',
    clickhouse_settings: settings,
  });
}
