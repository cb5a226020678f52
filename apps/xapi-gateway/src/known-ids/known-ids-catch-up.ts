/**
 * When the tail of xapi.statements.v1 has caught up with the end offsets read at start: until
 * then an id missing from the filter may still be on its way, so the store decides.
 */
export interface PartitionTarget {
  partition: number;
  /** Next offset to read when the tail starts: the writer's commit, or the log start. */
  start: bigint;
  /** End offset read at start: the tail is caught up once it has read up to here. */
  end: bigint;
}

export class CatchUp {
  private readonly pending = new Map<number, bigint>();

  constructor(targets: readonly PartitionTarget[]) {
    for (const target of targets) {
      if (target.start < target.end) this.pending.set(target.partition, target.end);
    }
  }

  get done(): boolean {
    return this.pending.size === 0;
  }

  /** The tail read up to `nextOffset` (exclusive) on `partition`. */
  advance(partition: number, nextOffset: bigint): void {
    const end = this.pending.get(partition);
    if (end !== undefined && nextOffset >= end) this.pending.delete(partition);
  }
}

/** Where the tail starts per partition: the committed offset, or the log start without one. */
export function tailTargets(
  ends: readonly { partition: number; low: string; high: string }[],
  commits: readonly { partition: number; offset: string }[],
): PartitionTarget[] {
  const committed = new Map(commits.map((c) => [c.partition, BigInt(c.offset)]));
  return ends.map(({ partition, low, high }) => {
    const commit = committed.get(partition) ?? -1n;
    const lowOffset = BigInt(low);
    return {
      partition,
      start: commit < lowOffset ? lowOffset : commit,
      end: BigInt(high),
    };
  });
}
