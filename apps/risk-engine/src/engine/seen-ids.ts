/**
 * The event ids a learner's events carried lately, to drop a re-sent event before it counts
 * twice: a bounded first-in first-out set, restored with the learner's snapshot.
 */
export class SeenIds {
  private readonly ids: Set<string>;

  constructor(
    private readonly capacity: number,
    initial: readonly string[] = [],
  ) {
    this.ids = new Set(initial.slice(-capacity));
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
  }

  /** Oldest first, as they were added. */
  toArray(): string[] {
    return [...this.ids];
  }
}
