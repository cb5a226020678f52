/**
 * Drops re-sent copies from a batch before it is inserted (see seen-ids.ts for the rule),
 * with one record of seen ids per topic and partition this process writes.
 */
import { type RowIdentity, SeenIds } from './seen-ids';
import { identityKey, type RowIdentityColumns, type StoredIdsStore } from './stored-ids.store';

export interface DuplicateFilterOptions {
  store: StoredIdsStore;
  windowMs: number;
  maxIds: number;
  /** Told how long each read of the store took. */
  onStoreRead?: (table: string, read: 'restore' | 'lookup', seconds: number) => void;
}

export interface FilteredRows<Row> {
  kept: Row[];
  /** Identities of the kept rows, to record once they are stored. */
  identities: RowIdentity[];
  dropped: number;
}

/** DateTime64 text (`2025-03-14 09:30:00.123`, UTC) → epoch ms. */
export function dateTime64Ms(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (!Number.isFinite(ms)) throw new Error(`not a DateTime64 text: ${text}`);
  return ms;
}

export function rowIdentity(
  row: Record<string, unknown>,
  columns: RowIdentityColumns,
): RowIdentity {
  const tenant = row.tenant;
  const id = row[columns.idColumn];
  const time = row[columns.timeColumn];
  if (typeof tenant !== 'string' || typeof id !== 'string' || typeof time !== 'string') {
    throw new Error(
      `${columns.table} row has no tenant, ${columns.idColumn} or ${columns.timeColumn}`,
    );
  }
  return { key: identityKey(tenant, id), timeMs: dateTime64Ms(time) };
}

export class DuplicateFilter {
  private readonly partitions = new Map<string, SeenIds>();

  constructor(private readonly options: DuplicateFilterOptions) {}

  /** After a rebalance, or a batch that failed part way: restore from ClickHouse again. */
  forget(topic?: string, partition?: number): void {
    if (topic === undefined || partition === undefined) this.partitions.clear();
    else this.partitions.delete(`${topic}:${partition}`);
  }

  /** `rows` are one batch's rows in offset order, starting at offset `firstOffset`. */
  async filter<Row extends Record<string, unknown>>(
    topic: string,
    partition: number,
    firstOffset: number,
    columns: RowIdentityColumns,
    rows: readonly Row[],
  ): Promise<FilteredRows<Row>> {
    if (rows.length === 0) return { kept: [], identities: [], dropped: 0 };
    const seen = this.seenIds(topic, partition);
    const identities = rows.map((row) => rowIdentity(row, columns));
    const oldest = identities.reduce((min, r) => Math.min(min, r.timeMs), Number.POSITIVE_INFINITY);
    const horizon = seen.horizon(oldest);
    const { store, maxIds } = this.options;
    if (!seen.restored) {
      const restored = await this.timed(columns.table, 'restore', () =>
        store.restore(columns, partition, firstOffset, maxIds),
      );
      seen.restore(restored.rows, restored.cut);
    }
    const uncovered = seen.uncovered(horizon);
    const lookedUp =
      uncovered === null
        ? new Map<string, number[]>()
        : await this.timed(columns.table, 'lookup', () =>
            store.lookup(
              columns,
              partition,
              firstOffset,
              uncovered,
              rows.map((row) => String(row[columns.idColumn])),
            ),
          );
    const keep = seen.keep(identities, lookedUp);
    const kept = rows.filter((_, k) => keep[k] === true);
    return {
      kept,
      identities: identities.filter((_, k) => keep[k] === true),
      dropped: rows.length - kept.length,
    };
  }

  /** The kept rows are stored: later batches compare with them. */
  record(topic: string, partition: number, identities: readonly RowIdentity[]): void {
    this.partitions.get(`${topic}:${partition}`)?.record(identities);
  }

  private async timed<T>(
    table: string,
    read: 'restore' | 'lookup',
    query: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const result = await query();
    this.options.onStoreRead?.(table, read, (performance.now() - started) / 1000);
    return result;
  }

  private seenIds(topic: string, partition: number): SeenIds {
    const key = `${topic}:${partition}`;
    let seen = this.partitions.get(key);
    if (seen === undefined) {
      seen = new SeenIds(this.options.windowMs, this.options.maxIds);
      this.partitions.set(key, seen);
    }
    return seen;
  }
}
