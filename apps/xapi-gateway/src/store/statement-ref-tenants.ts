/**
 * Which tenants hold StatementRef statements, so that a filtered listing of a tenant without
 * any leaves out the StatementRef part of its query (xAPI "Filter Conditions for
 * StatementRefs"): it can match nothing there, and its dozen subqueries cost more than the
 * rest of the query (1M statements: 51 against 20 ms for the page of one agent).
 *
 * The answer is exact up to `knownThrough`: the consistent-through time the set was brought to
 * before WriterProgress published it, so every page bound (a published time) is covered, and
 * no request waits for the question. A later bound (none should come) keeps the full query.
 * Tenants only ever join the set; one whose StatementRefs were erased keeps the full query,
 * which is still right.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';

/** Reads the tenants that have at least one StatementRef statement in the store. */
export type StatementRefTenantsQuery = () => Promise<readonly string[]>;

export class StatementRefTenants {
  private readonly tenants = new Set<string>();
  private knownThrough = Number.NEGATIVE_INFINITY;

  constructor(private readonly readTenants: StatementRefTenantsQuery) {}

  /**
   * Brings the set up to `consistentThrough`: every statement stored until then is in
   * ClickHouse (WriterProgress calls this before it publishes that time). With
   * `storeUnchanged` (nothing appended since the last read, which saw the store complete) the
   * set is already exact and is not read again: on a store that takes no writes, that read ran
   * five times a second beside the GETs in the one embedded engine.
   */
  async prepare(consistentThrough: number, storeUnchanged = false): Promise<void> {
    if (!storeUnchanged || this.knownThrough === Number.NEGATIVE_INFINITY) {
      for (const tenant of await this.readTenants()) this.tenants.add(tenant);
    }
    this.knownThrough = Math.max(this.knownThrough, consistentThrough);
  }

  /** Whether the tenant may hold a StatementRef statement stored at or before `bound` (epoch ms). */
  mayHold(tenant: string, bound: number): boolean {
    return this.tenants.has(tenant) || bound > this.knownThrough;
  }
}

/** StatementRefTenantsQuery on the store: `target` index rows (migration 0014) exist for them. */
export async function readStatementRefTenants(client: ClickHouseClient): Promise<string[]> {
  const result = await client.query({
    query: "SELECT DISTINCT tenant FROM xapi_statement_keys WHERE kind = 'target'",
    format: 'JSONEachRow',
  });
  return (await result.json<{ tenant: string }>()).map((row) => row.tenant);
}
