/**
 * The record of seen ids behind SeenIds: identity key (`tenant` NUL `uuid`) → time, held in
 * typed arrays. A partition's record holds up to WAREHOUSE_DEDUP_MAX_IDS (500,000) ids; as a
 * Map of string keys and heap-number times that cost ~180 bytes and three heap objects per id,
 * which every garbage collection of the process had to trace (1,000,000 statements sunk: a
 * 210 MB live heap, ~100 ms of marking per major GC, in steps that stalled the GETs the same
 * process served). Here an id costs 28 bytes in a few large arrays and nothing to trace.
 *
 * Exact, not probabilistic: a slot holds the tenant's number and the whole 128-bit UUID. A key
 * whose id is not a canonical lower-case UUID (only tests write those: the sink tables' ids are
 * UUID columns) goes to a plain Map instead.
 */

/** Words per slot: the tenant's number (from 1; 0 marks an empty slot), then the UUID as 4 words. */
const SLOT_WORDS = 5;
const MIN_CAPACITY = 1024;
/** Grow when more than this share of the slots is in use (linear probing stays short). */
const MAX_LOAD = 0.5;

/** Digit value of a lower-case hex character code, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

const UUID_LENGTH = 36;

/** Whether position `i` of a canonical UUID holds a dash. */
function isDashPosition(i: number): boolean {
  return i === 8 || i === 13 || i === 18 || i === 23;
}

/**
 * Parses the canonical UUID at `start` of `key` into words[1..4]; false when it is not one.
 * Reads char codes in place: no substring per key on the sink's hot path.
 */
function parseUuid(key: string, start: number, words: Uint32Array): boolean {
  if (key.length - start !== UUID_LENGTH) return false;
  let word = 0;
  let digits = 0;
  let index = 1;
  for (let i = 0; i < UUID_LENGTH; i += 1) {
    const code = key.charCodeAt(start + i);
    if (isDashPosition(i)) {
      if (code !== 45) return false;
      continue;
    }
    const value = hexDigit(code);
    if (value < 0) return false;
    word = ((word << 4) | value) >>> 0;
    digits += 1;
    if (digits === 8) {
      words[index] = word;
      index += 1;
      word = 0;
      digits = 0;
    }
  }
  return true;
}

/** Slot hash of a parsed key (murmur3's finaliser over the xor-folded words). */
function hashOf(words: Uint32Array): number {
  let h = Math.imul((words[0] as number) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= (words[1] as number) ^ Math.imul(words[2] as number, 0xcc9e2d51);
  h ^= Math.imul(words[3] as number, 0x1b873593) ^ (words[4] as number);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class IdTimeTable {
  private readonly tenants = new Map<string, number>();
  private readonly other = new Map<string, number>();
  private capacity: number;
  private words: Uint32Array;
  private times: Float64Array;
  private used = 0;
  /** The key being looked up or stored, parsed (reused: no allocation per call). */
  private readonly scratch = new Uint32Array(SLOT_WORDS);
  /** The key being moved by rebuild(). */
  private readonly moving = new Uint32Array(SLOT_WORDS);

  constructor() {
    this.capacity = MIN_CAPACITY;
    this.words = new Uint32Array(MIN_CAPACITY * SLOT_WORDS);
    this.times = new Float64Array(MIN_CAPACITY);
  }

  get size(): number {
    return this.used + this.other.size;
  }

  get(key: string): number | undefined {
    if (!this.parse(key, false)) return this.other.get(key);
    const slot = this.find(this.scratch);
    return this.words[slot * SLOT_WORDS] === 0 ? undefined : this.times[slot];
  }

  set(key: string, timeMs: number): void {
    if (!this.parse(key, true)) {
      this.other.set(key, timeMs);
      return;
    }
    this.put(this.scratch, timeMs);
  }

  /** The times of every entry, in no particular order. */
  timeValues(): Float64Array {
    const values = new Float64Array(this.size);
    let n = 0;
    for (let slot = 0; slot < this.capacity; slot += 1) {
      if (this.words[slot * SLOT_WORDS] !== 0) values[n++] = this.times[slot] as number;
    }
    for (const time of this.other.values()) values[n++] = time;
    return values;
  }

  /** Keeps only the entries whose time passes `keep` (rebuilds the slots: deletions are rare). */
  retain(keep: (timeMs: number) => boolean): void {
    for (const [key, time] of this.other) if (!keep(time)) this.other.delete(key);
    this.rebuild(this.capacity, keep);
  }

  /**
   * Reads the tenant number into scratch[0] and the UUID into scratch[1..4]. A tenant seen
   * for the first time gets a number only when `assign` (a lookup of an unknown tenant misses).
   */
  private parse(key: string, assign: boolean): boolean {
    const separator = key.indexOf('\u0000');
    if (separator < 0 || !parseUuid(key, separator + 1, this.scratch)) return false;
    const tenant = key.slice(0, separator);
    let number = this.tenants.get(tenant);
    if (number === undefined) {
      if (!assign) {
        // No entry can match; a tenant number no entry has makes find() miss.
        this.scratch[0] = 0xffffffff;
        return true;
      }
      number = this.tenants.size + 1;
      this.tenants.set(tenant, number);
    }
    this.scratch[0] = number;
    return true;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: Uint32Array): number {
    const mask = this.capacity - 1;
    const words = this.words;
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const base = slot * SLOT_WORDS;
      const tenant = words[base];
      if (tenant === 0) return slot;
      if (
        tenant === key[0] &&
        words[base + 1] === key[1] &&
        words[base + 2] === key[2] &&
        words[base + 3] === key[3] &&
        words[base + 4] === key[4]
      ) {
        return slot;
      }
    }
  }

  private put(key: Uint32Array, timeMs: number): void {
    const slot = this.find(key);
    const base = slot * SLOT_WORDS;
    if (this.words[base] === 0) {
      this.words.set(key, base);
      this.used += 1;
    }
    this.times[slot] = timeMs;
    if (this.used > this.capacity * MAX_LOAD) this.rebuild(this.capacity * 2, () => true);
  }

  private rebuild(capacity: number, keep: (timeMs: number) => boolean): void {
    const oldWords = this.words;
    const oldTimes = this.times;
    const oldCapacity = this.capacity;
    this.capacity = capacity;
    this.words = new Uint32Array(capacity * SLOT_WORDS);
    this.times = new Float64Array(capacity);
    this.used = 0;
    for (let slot = 0; slot < oldCapacity; slot += 1) {
      const base = slot * SLOT_WORDS;
      const time = oldTimes[slot] as number;
      if (oldWords[base] === 0 || !keep(time)) continue;
      const key = this.moving;
      for (let w = 0; w < SLOT_WORDS; w += 1) key[w] = oldWords[base + w] as number;
      const target = this.find(key);
      this.words.set(key, target * SLOT_WORDS);
      this.times[target] = time;
      this.used += 1;
    }
  }
}
