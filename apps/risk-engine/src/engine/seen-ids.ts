/**
 * The event ids a learner's events carried lately, to drop a re-sent event before it counts
 * twice: bounded by count and by time (ids of events that occurred more than `windowMs` before
 * the learner's latest are forgotten; client retries and re-sends come within minutes), oldest
 * dropped first, restored with the learner's snapshot.
 */
export type SeenEntry = [id: string, occurredAt: number];

export class SeenIds {
  private readonly ids = new Map<string, number>();
  private latest = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
    initial: readonly SeenEntry[] = [],
  ) {
    for (const [id, at] of initial) this.add(id, at);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string, occurredAt: number): void {
    this.ids.delete(id);
    this.ids.set(id, occurredAt);
    this.latest = Math.max(this.latest, occurredAt);
    for (const [oldest, at] of this.ids) {
      if (this.ids.size <= this.capacity && at >= this.latest - this.windowMs) break;
      this.ids.delete(oldest);
    }
  }

  /** Oldest first, as they were added. */
  toArray(): SeenEntry[] {
    return [...this.ids];
  }
}
