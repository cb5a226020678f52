/**
 * How one fetched partition batch is written exactly once, given the range the sink last
 * wrote ahead for that partition (the idea of the ClickHouse Kafka Connect sink):
 *
 * - records before that range are in ClickHouse already: skip them;
 * - the range itself may or may not be: insert exactly those records again, as one block
 *   with the same deduplication token, and ClickHouse drops it if it has it;
 * - the records after it are new: cut them into batches of at most `maxRows`.
 *
 * A fetch that ends inside the range cannot rebuild the block; the caller then writes
 * nothing and lets the consumer fetch again from the same position.
 */

export interface OffsetRange {
  first: number;
  last: number;
}

export interface PlannedBatch<M> {
  range: OffsetRange;
  messages: M[];
}

export interface BatchPlan<M> {
  /** Last offset of the leading records that are already stored, or null. */
  skipThrough: number | null;
  /** The written-ahead range to insert again, when this fetch holds all of it. */
  replay: PlannedBatch<M> | null;
  /** True when the fetch ends inside the written-ahead range: write nothing more now. */
  incomplete: boolean;
  /** New records, in batches. */
  fresh: PlannedBatch<M>[];
  /** Set when the fetch starts inside the written-ahead range (its first records are gone). */
  brokenRange: OffsetRange | null;
}

export function chunk<M extends { offset: number }>(
  messages: M[],
  maxRows: number,
): PlannedBatch<M>[] {
  const batches: PlannedBatch<M>[] = [];
  for (let start = 0; start < messages.length; start += maxRows) {
    const part = messages.slice(start, start + maxRows);
    const first = part[0];
    const last = part[part.length - 1];
    if (first === undefined || last === undefined) continue;
    batches.push({ range: { first: first.offset, last: last.offset }, messages: part });
  }
  return batches;
}

/** `messages` are one partition's records of a fetch, in offset order. */
export function planBatch<M extends { offset: number }>(
  messages: M[],
  writtenAhead: OffsetRange | null,
  maxRows: number,
): BatchPlan<M> {
  const plan: BatchPlan<M> = {
    skipThrough: null,
    replay: null,
    incomplete: false,
    fresh: [],
    brokenRange: null,
  };
  const firstOffset = messages[0]?.offset;
  const lastOffset = messages[messages.length - 1]?.offset;
  if (firstOffset === undefined || lastOffset === undefined) return plan;
  if (writtenAhead === null || firstOffset > writtenAhead.last) {
    plan.fresh = chunk(messages, maxRows);
    return plan;
  }
  if (firstOffset > writtenAhead.first) {
    // The range's first records are no longer in the topic (retention): the block cannot
    // be rebuilt, so what is left of it is written as new records.
    plan.brokenRange = writtenAhead;
    plan.fresh = chunk(messages, maxRows);
    return plan;
  }
  const before = messages.filter((m) => m.offset < writtenAhead.first);
  const lastBefore = before[before.length - 1];
  if (lastBefore !== undefined) plan.skipThrough = lastBefore.offset;
  if (lastOffset < writtenAhead.last) {
    plan.incomplete = true;
    return plan;
  }
  plan.replay = {
    range: writtenAhead,
    messages: messages.filter(
      (m) => m.offset >= writtenAhead.first && m.offset <= writtenAhead.last,
    ),
  };
  plan.fresh = chunk(
    messages.filter((m) => m.offset > writtenAhead.last),
    maxRows,
  );
  return plan;
}

/** The insert_deduplication_token of a batch: the same records always get the same token. */
export function batchToken(
  group: string,
  topic: string,
  partition: number,
  range: OffsetRange,
): string {
  return `${group}:${topic}:${partition}:${range.first}-${range.last}`;
}
