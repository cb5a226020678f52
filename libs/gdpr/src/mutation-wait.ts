/**
 * Waits until ClickHouse has applied every mutation (lightweight DELETEs are mutations) of the
 * given tables. The deletes of an erase are submitted without waiting, each alone, so their
 * scheduling delays overlap (measured on the embedded engine: ~15 s each, whatever the size);
 * a mutation applies to the parts that existed when it was submitted, so its order relative to
 * later inserts is fixed at submission.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';

export class MutationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MutationError';
  }
}

interface PendingMutation {
  table: string;
  mutation_id: string;
  latest_fail_reason: string;
}

export async function waitForMutations(
  client: ClickHouseClient,
  tables: readonly string[],
  { timeoutMs = 600_000, intervalMs = 200 } = {},
): Promise<void> {
  if (tables.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await (
      await client.query({
        query: `SELECT table, mutation_id, latest_fail_reason FROM system.mutations
                WHERE database = currentDatabase() AND table IN {tables:Array(String)} AND is_done = 0`,
        query_params: { tables: [...tables] },
        format: 'JSONEachRow',
      })
    ).json<PendingMutation>();
    if (pending.length === 0) return;
    const failed = pending.find((mutation) => mutation.latest_fail_reason !== '');
    if (failed !== undefined) {
      throw new MutationError(
        `deleting from ${failed.table} failed (${failed.mutation_id}): ${failed.latest_fail_reason}`,
      );
    }
    if (Date.now() > deadline) {
      throw new MutationError(
        `deletes still running after ${String(timeoutMs)} ms on ${[...new Set(pending.map((m) => m.table))].join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
