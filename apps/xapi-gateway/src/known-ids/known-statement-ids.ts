/**
 * Which statement ids the LRS may already hold, so the write path asks the store only about
 * those. Nearly every POSTed id is new: answering "certainly new" from memory takes the store
 * look-up (one ClickHouse query per request, serialised in the embedded engine) off the path.
 *
 * Holds `tenant:statementId` (the key of xapi.statements.v1) in a Bloom filter: a negative is
 * exact, a positive is checked against the store. Until the filter has caught up (see
 * KnownIdsFeed) every id counts as possibly known.
 */
import { digest, ScalableBloomFilter } from './bloom-filter';

/** Sized so a million statements fit the first layer at a 0.1 % false-positive rate (~2 MB). */
const INITIAL_CAPACITY = 1_000_000;
const FALSE_POSITIVE_RATE = 0.001;

export function statementKey(tenant: string, statementId: string): string {
  return `${tenant}:${statementId.toLowerCase()}`;
}

export class KnownStatementIds {
  private readonly filter = new ScalableBloomFilter({
    initialCapacity: INITIAL_CAPACITY,
    falsePositiveRate: FALSE_POSITIVE_RATE,
  });
  private complete = false;

  /** True once every id stored before start, and since, has been added. */
  get ready(): boolean {
    return this.complete;
  }

  get size(): number {
    return this.filter.count;
  }

  get bytes(): number {
    return this.filter.bytes;
  }

  /** Adds a key in the form of xapi.statements.v1's record key (`tenant:statementId`). */
  addKey(key: string): void {
    this.filter.add(comparableKey(key));
  }

  /** Adds keys hashed by keyDigest: pairs of 32-bit hashes, one pair per key. */
  addDigests(digests: Uint32Array): void {
    for (let i = 0; i + 1 < digests.length; i += 2) {
      this.filter.addDigest(digests[i] as number, digests[i + 1] as number);
    }
  }

  markReady(): void {
    this.complete = true;
  }

  /** The feed stopped: ids written since may be missing, so the store decides again. */
  markStale(): void {
    this.complete = false;
  }

  /** False only when the id is certainly not stored; true means "ask the store". */
  mightBeStored(tenant: string, statementId: string): boolean {
    return !this.complete || this.filter.has(statementKey(tenant, statementId));
  }
}

/**
 * The filter's two hashes of a record key, as addKey would compute them: the tail worker hashes
 * off the main thread and hands the pairs to addDigests.
 */
export function keyDigest(key: string): [number, number] {
  return digest(comparableKey(key));
}

function comparableKey(key: string): string {
  return key.toLowerCase() === key ? key : keyWithLowerId(key);
}

/** Tenants keep their case; the UUID after the last colon is compared in lower case. */
function keyWithLowerId(key: string): string {
  const cut = key.lastIndexOf(':');
  return cut < 0 ? key : key.slice(0, cut + 1) + key.slice(cut + 1).toLowerCase();
}
