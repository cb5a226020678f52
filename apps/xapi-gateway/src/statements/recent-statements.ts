/**
 * The ids this gateway accepted in the last minute, with a fingerprint of their content: the
 * store sees a statement only after the warehouse-writer wrote it, so a quick re-send of the
 * same id is checked here. Bounded in time and size; per gateway instance.
 */

export interface RecentStatement {
  fingerprint: string;
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
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: RecentStatementsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 100_000;
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
    content: { fingerprint: string; isVoiding: boolean },
  ): Reservation {
    const key = `${tenant}:${statementId.toLowerCase()}`;
    let settle: (written: boolean) => void = () => undefined;
    const written = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    const entry: Entry = { ...content, written, expiresAt: this.now() + this.ttlMs };
    // Re-inserting moves the key to the end, so the map stays in expiry order.
    this.entries.delete(key);
    this.entries.set(key, entry);
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
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
