/**
 * The ids this gateway accepted in the last minute, with their stored statement as JSON: the
 * store sees a statement only after the warehouse-writer wrote it, so a quick re-send of the
 * same id is checked here. Bounded in time and size (50,000 entries hold ~60 MB of JSON and
 * cover more than 6 s at 8,000 statements/s, far beyond the writer's lag); per instance.
 * JSON text rather than a hash of canonical JSON: the canonical form cost ~10 % of the write
 * path's CPU for every statement; this text is the JSON its Kafka records carry anyway, and the
 * rare re-send is compared in full (statementsEquivalent) as with a statement from the store.
 */

export interface RecentStatement {
  /** The statement as the LRS stores it (normalised, with stored and authority), as JSON. */
  json: string;
  isVoiding: boolean;
  /** Resolves true once Kafka has the statement, false if its send failed (entry removed). */
  written: Promise<boolean>;
}

export interface Reservation {
  /** Kafka acknowledged the send: the entry now stands for a stored statement. */
  commit: () => void;
  /** The send failed: the id is free again. */
  release: () => void;
}

interface Entry extends RecentStatement {
  expiresAt: number;
}

export interface RecentStatementsOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class RecentStatements {
  private readonly entries = new Map<string, Entry>();
  /**
   * The entries in reservation order, oldest from `head`. Eviction walks this queue, not the
   * Map: iterating a Map that is used as a FIFO skips every deleted slot from its start until
   * V8 rehashes it, which made each eviction slower the longer the gateway ran.
   */
  private order: { key: string; entry: Entry }[] = [];
  private head = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: RecentStatementsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(tenant: string, statementId: string): RecentStatement | undefined {
    const key = `${tenant}:${statementId.toLowerCase()}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Records an id before its send, so a concurrent request with the same id waits for it. */
  reserve(
    tenant: string,
    statementId: string,
    content: { json: string; isVoiding: boolean },
  ): Reservation {
    const key = `${tenant}:${statementId.toLowerCase()}`;
    let settle: (written: boolean) => void = () => undefined;
    const written = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    const entry: Entry = { ...content, written, expiresAt: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    this.order.push({ key, entry });
    this.evict();
    return {
      commit: () => {
        entry.expiresAt = this.now() + this.ttlMs;
        settle(true);
      },
      release: () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        settle(false);
      },
    };
  }

  private evict(): void {
    const now = this.now();
    while (this.head < this.order.length) {
      const oldest = this.order[this.head];
      if (oldest === undefined) break;
      // A re-reserved or released id has moved on: its old queue slot is skipped.
      const current = this.entries.get(oldest.key) === oldest.entry;
      if (current && this.entries.size <= this.maxEntries && oldest.entry.expiresAt > now) break;
      if (current) this.entries.delete(oldest.key);
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
