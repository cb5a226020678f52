/**
 * A guess of how far back a tenant's newest page of statements reaches, so a newest-first
 * listing without filters reads only the recent parts of `xapi_statements`. Without a lower
 * bound on `stored`, ClickHouse reads the newest keys in reverse order from every part, old
 * partitions too: 15 ms of a ~35 ms newest page on 1M statements, against 5.6 ms with a
 * one-day bound (engine timings on the bench:queries store).
 *
 * The guess never changes an answer. When the window holds more than a page, the page is
 * exact: every statement outside the window is older than all inside it. When it holds
 * fewer, the store reads the page again without the window, and this tenant's next window is
 * 16 times longer; past 30 days it stops guessing for the tenant.
 */
import {
  readsStatementIndex,
  type StatementQueryFilters,
  type StatementQueryOptions,
} from './statement-query';

const HOUR_MS = 3_600_000;
const INITIAL_WINDOW_MS = HOUR_MS;
const MAX_WINDOW_MS = 30 * 24 * HOUR_MS;
const WIDENING = 16;

export class RecentPageWindow {
  private readonly windows = new Map<string, number>();

  /** The `since` (exclusive, epoch ms) to try the page with first, or undefined for none. */
  sinceFor(
    tenant: string,
    filters: StatementQueryFilters,
    options: StatementQueryOptions,
  ): number | undefined {
    // Filtered pages read an index range that is often sparse; oldest-first pages start old.
    if (readsStatementIndex(filters) || options.ascending) return undefined;
    const window = this.windows.get(tenant) ?? INITIAL_WINDOW_MS;
    if (window > MAX_WINDOW_MS) return undefined;
    const upper = Math.min(
      options.bound,
      filters.until ?? Infinity,
      options.after?.stored ?? Infinity,
    );
    const since = upper - window;
    return filters.since !== undefined && filters.since >= since ? undefined : since;
  }

  /** The window tried for the tenant held no full page: try a longer one next time. */
  widen(tenant: string): void {
    this.windows.set(tenant, (this.windows.get(tenant) ?? INITIAL_WINDOW_MS) * WIDENING);
  }
}
