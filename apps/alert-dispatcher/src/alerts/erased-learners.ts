/**
 * Learners erased while the dispatcher runs (erasure notices of `learner erase`): no alert is
 * sent about them any more, and alert memory written for them is tombstoned. Bounded: the
 * oldest entries go first; by then the risk engine has long stopped assessing the learner.
 */
const MAX_ENTRIES = 100_000;

export class ErasedLearners {
  private readonly keys = new Set<string>();

  add(tenant: string, learnerId: string): void {
    if (this.keys.size >= MAX_ENTRIES) {
      const oldest = this.keys.values().next();
      if (oldest.done !== true) this.keys.delete(oldest.value);
    }
    this.keys.add(`${tenant}:${learnerId}`);
  }

  has(tenant: string, learnerId: string): boolean {
    return this.keys.has(`${tenant}:${learnerId}`);
  }
}
