/**
 * One partition's record of the ids the sink has stored, to drop copies of an event that
 * arrive again as new Kafka records (client retries, re-run imports) before anything is
 * inserted, so neither the raw table nor a materialized view counts them.
 *
 * The rule is a function of the records alone, so a batch replayed after a crash is cut
 * exactly as it was the first time: a row is a copy when a row with the same key (tenant and
 * id) and a time (occurred_at, timestamp, as_of) at most `windowMs` away was stored from an
 * earlier offset of the partition, or comes earlier in the same batch.
 *
 * Invariant: `times` holds every stored row of the partition below the next offset whose
 * time is at or after `coveredFrom` (all of them until the record outgrows maxIds); copies
 * of older rows are looked up in ClickHouse.
 */

import { IdTimeTable } from './id-time-table';

export interface RowIdentity {
  /** `tenant` and id, joined by a NUL. */
  key: string;
  timeMs: number;
}

export interface TimeRange {
  fromMs: number;
  /** Exclusive; null for no upper bound. */
  untilMs: number | null;
}

export class SeenIds {
  private readonly times = new IdTimeTable();
  private coveredFrom = Number.POSITIVE_INFINITY;
  private restoredOnce = false;

  constructor(
    private readonly windowMs: number,
    private readonly maxIds: number,
  ) {}

  get size(): number {
    return this.times.size;
  }

  /** False until the stored rows before the first batch were loaded. */
  get restored(): boolean {
    return this.restoredOnce;
  }

  /** The earliest time a batch whose rows start at `minTimeMs` must compare with. */
  horizon(minTimeMs: number): number {
    return minTimeMs - this.windowMs;
  }

  /**
   * Loads the stored rows of the partition before the first batch: the newest `maxIds` by
   * time. All of them (`cut` false) cover every time; else coverage starts after the oldest.
   */
  restore(rows: readonly RowIdentity[], cut: boolean): void {
    for (const row of rows) this.remember(row);
    const oldest = rows.reduce((min, row) => Math.min(min, row.timeMs), Number.POSITIVE_INFINITY);
    this.coveredFrom = cut ? oldest + 1 : Number.NEGATIVE_INFINITY;
    this.restoredOnce = true;
  }

  /** The part of [fromMs, ∞) the record does not cover, or null when it covers it all. */
  uncovered(fromMs: number): TimeRange | null {
    if (fromMs >= this.coveredFrom) return null;
    return {
      fromMs,
      untilMs: Number.isFinite(this.coveredFrom) ? this.coveredFrom : null,
    };
  }

  /**
   * Which rows of a batch (in offset order) to keep. `lookedUp` are stored copies found in
   * ClickHouse for the uncovered part of the window.
   */
  keep(
    rows: readonly RowIdentity[],
    lookedUp: ReadonlyMap<string, number[]> = new Map(),
  ): boolean[] {
    // Hot path (every row of every batch): no closures or copied arrays per row.
    const window = this.windowMs;
    const anyNear = (times: readonly number[] | undefined, time: number): boolean => {
      if (times === undefined) return false;
      for (const other of times) if (Math.abs(other - time) <= window) return true;
      return false;
    };
    const inBatch = new Map<string, number[]>();
    return rows.map((row) => {
      const stored = this.times.get(row.key);
      const earlier = inBatch.get(row.key);
      const copy =
        (stored !== undefined && Math.abs(stored - row.timeMs) <= window) ||
        anyNear(lookedUp.get(row.key), row.timeMs) ||
        anyNear(earlier, row.timeMs);
      if (!copy) {
        if (earlier === undefined) inBatch.set(row.key, [row.timeMs]);
        else earlier.push(row.timeMs);
      }
      return !copy;
    });
  }

  /** Records the rows of a batch once ClickHouse has them, then keeps the record bounded. */
  record(rows: readonly RowIdentity[]): void {
    for (const row of rows) this.remember(row);
    if (this.times.size > this.maxIds) this.evictOldest(Math.floor(this.maxIds * 0.9));
  }

  private remember(row: RowIdentity): void {
    this.times.set(row.key, row.timeMs);
  }

  /**
   * Keeps the newest `target` ids by time and covers from the oldest time kept: every row at
   * or after it is still here. (Rare: once per tenth of maxIds new ids; sorting is fine.)
   */
  private evictOldest(target: number): void {
    const times = this.times.timeValues().sort();
    const threshold = times[times.length - target] ?? Number.NEGATIVE_INFINITY;
    this.times.retain((time) => time >= threshold);
    let coveredFrom = threshold;
    if (this.times.size > this.maxIds) {
      // Many ids share the threshold time: drop those too.
      this.times.retain((time) => time !== threshold);
      coveredFrom = threshold + 1;
    }
    this.coveredFrom = Math.max(this.coveredFrom, coveredFrom);
  }
}
