/**
 * Coalesces look-ups that arrive in the same tick into one call per key (tenant). The
 * embedded engine runs queries one after another (~8 ms each), so at a thousand
 * single-statement POSTs a second one query per request cannot keep up; one query for every
 * request of a tick can.
 */
export class LookupBatcher<K, R> {
  private pending = new Map<K, { ids: Set<string>; waiters: ((result: Promise<R>) => void)[] }>();
  private scheduled = false;

  constructor(private readonly run: (key: K, ids: readonly string[]) => Promise<R>) {}

  /** Resolves with the result of the query that included these ids (it may hold more). */
  load(key: K, ids: readonly string[]): Promise<R> {
    let entry = this.pending.get(key);
    if (entry === undefined) {
      entry = { ids: new Set(), waiters: [] };
      this.pending.set(key, entry);
    }
    for (const id of ids) entry.ids.add(id);
    const waiters = entry.waiters;
    const result = new Promise<Promise<R>>((resolve) => {
      waiters.push(resolve);
    });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.flush();
      });
    }
    return result.then((inner) => inner);
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    for (const [key, { ids, waiters }] of batch) {
      const result = this.run(key, [...ids]);
      for (const waiter of waiters) waiter(result);
    }
  }
}
