/**
 * Which tenants hold StatementRef statements, so that a filtered listing of a tenant without
 * any leaves out the StatementRef part of its query (xAPI "Filter Conditions for
 * StatementRefs"): it can match nothing there, and its dozen subqueries cost more than the
 * rest of the query (1M statements: 51 against 20 ms for the page of one agent).
 *
 * The answer is exact up to `knownThrough`, a consistent-through time read before the tenants
 * were: every statement stored until then was in ClickHouse, index rows included. A page whose
 * bound is later asks again first (concurrent pages share one question). Tenants only ever
 * join the set; one whose StatementRefs were erased keeps the full query, which is still right.
 */

/** Reads the tenants that have at least one StatementRef statement in the store. */
export type StatementRefTenantsQuery = () => Promise<readonly string[]>;

export class StatementRefTenants {
  private readonly tenants = new Set<string>();
  private knownThrough = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly readTenants: StatementRefTenantsQuery,
    private readonly consistentThrough: () => Promise<number>,
  ) {}

  /** Whether the tenant may hold a StatementRef statement stored at or before `bound` (epoch ms). */
  async mayHold(tenant: string, bound: number): Promise<boolean> {
    if (this.tenants.has(tenant)) return true;
    if (bound > this.knownThrough) await this.refresh();
    return this.tenants.has(tenant) || bound > this.knownThrough;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const through = await this.consistentThrough();
        for (const tenant of await this.readTenants()) this.tenants.add(tenant);
        this.knownThrough = Math.max(this.knownThrough, through);
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}

/** The query of StatementRefTenantsQuery: `target` index rows (migration 0014) exist for them. */
export const STATEMENT_REF_TENANTS_SQL =
  "SELECT DISTINCT tenant FROM xapi_statement_keys WHERE kind = 'target'";
