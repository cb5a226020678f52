/**
 * When the statement store is complete up to: the X-Experience-API-Consistent-Through time.
 *
 * A statement is in ClickHouse once warehouse-writer committed its Kafka offset (it commits only
 * after the insert). So when, at time t, every partition of xapi.statements.v1 had its committed
 * offset at or past the end offset read at t, every statement appended before t is readable.
 * Statements are stamped `stored` a little before they are appended (validation, the produce
 * round trip), so the guarantee is for `stored` before t minus STORED_TO_LOG_MAX_MS. Per
 * partition we keep the last time it was seen caught up; the answer is the oldest of those.
 * A partition never seen caught up since this process started gives the epoch: nothing is
 * promised while the writer replays a backlog.
 */
import { type Admin, type Kafka } from 'kafkajs';

/** Longest expected gap between stamping `stored` and the record landing in Kafka. */
export const STORED_TO_LOG_MAX_MS = 1000;

/** Reuse an observation this fresh instead of asking Kafka again. */
const OBSERVATION_TTL_MS = 200;

/**
 * An older observation is still served while a new one is made in the background, so no
 * request waits for Kafka; beyond this age (after a quiet spell) the request waits for it.
 */
const MAX_SERVED_AGE_MS = 2000;

export interface PartitionEnd {
  partition: number;
  low: string;
  high: string;
}

export interface PartitionCommit {
  partition: number;
  /** Next offset to read; '-1' when the group never committed. */
  offset: string;
}

/** Partitions whose committed position has reached the end offsets read before it. */
export function caughtUpPartitions(
  ends: readonly PartitionEnd[],
  commits: readonly PartitionCommit[],
): Set<number> {
  const committed = new Map(commits.map((c) => [c.partition, BigInt(c.offset)]));
  const caughtUp = new Set<number>();
  for (const end of ends) {
    // Without a commit the consumer starts at the log start (fromBeginning).
    const position = committed.get(end.partition) ?? -1n;
    const effective = position < 0n ? BigInt(end.low) : position;
    if (effective >= BigInt(end.high)) caughtUp.add(end.partition);
  }
  return caughtUp;
}

/** Oldest per-partition caught-up time, minus the stamping slack; the epoch if one is unknown. */
export function consistentThroughOf(
  partitions: readonly number[],
  lastCaughtUp: ReadonlyMap<number, number>,
): number {
  if (partitions.length === 0) return 0;
  const oldest = Math.min(...partitions.map((p) => lastCaughtUp.get(p) ?? 0));
  return Math.max(0, oldest - STORED_TO_LOG_MAX_MS);
}

export interface WriterProgressOptions {
  kafka: Kafka;
  topic: string;
  group: string;
  now?: () => number;
  /**
   * Runs before a new consistent-through time is published, with that time: caches that must
   * be exact up to it are brought there first (statement-ref-tenants.ts). A failure keeps the
   * previous time. `storeUnchanged`: nothing was appended since the last call that succeeded
   * with the store complete (every partition caught up, the same end offsets now), so what the
   * store held then is what it holds now.
   */
  beforePublish?: (consistentThrough: number, storeUnchanged: boolean) => Promise<void>;
}

export class WriterProgress {
  private admin: Admin | undefined;
  private readonly lastCaughtUp = new Map<number, number>();
  private partitions: number[] = [];
  private published: number | undefined;
  private observedAt = -Infinity;
  private inFlight: Promise<void> | undefined;
  /** End offsets of the last successful beforePublish that saw every partition caught up. */
  private completeEnds: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: WriterProgressOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Epoch ms up to which every stored statement is readable; throws only if Kafka never answered. */
  async consistentThrough(): Promise<number> {
    const age = this.now() - this.observedAt;
    if (age > OBSERVATION_TTL_MS) {
      this.inFlight ??= this.observe().finally(() => {
        this.inFlight = undefined;
      });
      if (this.published === undefined || age > MAX_SERVED_AGE_MS) {
        try {
          await this.inFlight;
        } catch (error) {
          // An older observation is still a true lower bound; without one there is no answer.
          if (this.published === undefined) throw error;
        }
      } else {
        // Served from the previous observation; a failure here leaves it in place.
        this.inFlight.catch(() => undefined);
      }
    }
    return this.published ?? 0;
  }

  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    await this.admin?.disconnect();
    this.admin = undefined;
  }

  private async observe(): Promise<void> {
    if (this.admin === undefined) {
      const admin = this.options.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const { topic, group } = this.options;
    // Ends first: a commit read afterwards that reaches them covers everything appended before.
    const startedAt = this.now();
    const previousEnds = this.completeEnds;
    const ends = await this.admin.fetchTopicOffsets(topic);
    const [committed] = await this.admin.fetchOffsets({ groupId: group, topics: [topic] });
    const caughtUp = caughtUpPartitions(ends, committed?.partitions ?? []);
    for (const partition of caughtUp) this.lastCaughtUp.set(partition, startedAt);
    this.partitions = ends.map((end) => end.partition);
    const through = consistentThroughOf(this.partitions, this.lastCaughtUp);
    const complete = caughtUp.size === ends.length;
    const endsKey = ends.map((end) => `${end.partition}:${end.high}`).join(',');
    this.completeEnds = undefined;
    await this.options.beforePublish?.(through, complete && endsKey === previousEnds);
    if (complete) this.completeEnds = endsKey;
    this.published = through;
    this.observedAt = startedAt;
  }
}
