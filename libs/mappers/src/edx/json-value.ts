/**
 * Small readers for untyped JSON: edX events are loosely typed, so every field is read through
 * these instead of casts.
 */
import { type JsonObject, type JsonValue } from './edx-event.types';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dotted paths split once: mappers read the same few dozen paths on every event. */
const splitPaths = new Map<string, readonly string[]>();
const MAX_SPLIT_PATHS = 1024;

function keysOf(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    // Paths come from the mapping tables; a bound keeps a stray caller from growing it.
    if (splitPaths.size < MAX_SPLIT_PATHS) splitPaths.set(path, keys);
  }
  return keys;
}

/** The value at a dotted path (`context.module.usage_key`), or undefined. */
export function valueAt(source: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = source;
  for (const key of keysOf(path)) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A non-empty string, or a number as text (edX sends user ids both ways); else null. */
export function textAt(source: JsonObject, path: string): string | null {
  const value = valueAt(source, path);
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function numberAt(source: JsonObject, path: string): number | null {
  const value = valueAt(source, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function objectAt(source: JsonObject, path: string): JsonObject | null {
  const value = valueAt(source, path);
  return isJsonObject(value) ? value : null;
}

/**
 * The definition of canonicalJson, kept for values that are not plain parsed JSON (a toJSON,
 * a class instance): JSON.stringify with every object rebuilt with sorted keys.
 */
function canonicalJsonByReplacer(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isJsonObject(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** Keys in the order JSON.stringify writes a rebuilt object: array indices first, numerically. */
function serialisedKeyOrder(keys: readonly string[]): string[] {
  const sorted = [...keys].sort();
  const indices = sorted.filter((key) => ARRAY_INDEX.test(key) && Number(key) < 4_294_967_295);
  if (indices.length === 0) return sorted;
  const isIndex = new Set(indices);
  indices.sort((a, b) => Number(a) - Number(b));
  return [...indices, ...sorted.filter((key) => !isIndex.has(key))];
}

/** An object shape's keys as written: in serialised order, each with its quoted `"key":`. */
interface ShapeOrder {
  readonly keys: readonly string[];
  readonly ordered: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * Orders by shape (the keys in insertion order): an edX log repeats a few dozen object shapes,
 * and sorting and quoting their keys again for every object was most of canonicalJson's time.
 * The cache key joins the keys; the stored list is compared too, so keys containing the
 * separator cannot share an entry.
 */
const shapeOrders = new Map<string, ShapeOrder>();
const MAX_SHAPES = 4096;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shapeOrderOf(object: JsonObject): ShapeOrder {
  const keys = Object.keys(object);
  const signature = keys.join('\u0000');
  const cached = shapeOrders.get(signature);
  if (cached !== undefined && sameKeys(cached.keys, keys)) return cached;
  const ordered = serialisedKeyOrder(keys);
  const shape = { keys, ordered, prefixes: ordered.map((key) => `${JSON.stringify(key)}:`) };
  // Shapes come from the data; a bound keeps a log of ever-new keys from growing it.
  if (shapeOrders.size >= MAX_SHAPES) shapeOrders.clear();
  shapeOrders.set(signature, shape);
  return shape;
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

const omitted = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * JSON with object keys sorted, so equal content always serialises (and hashes) the same. Event
 * ids are derived from it, so its output must never change: this walk writes exactly what
 * canonicalJsonByReplacer writes for parsed JSON (a spec compares them), at a fraction of the
 * cost (rebuilding every object for the replacer was ~8 % of an edX import's CPU).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += omitted(item) ? 'null' : canonicalJson(item);
    }
    return out + ']';
  }
  if (isJsonObject(value)) {
    if (!isPlain(value) || typeof value.toJSON === 'function')
      return canonicalJsonByReplacer(value);
    const { ordered, prefixes } = shapeOrderOf(value);
    let out = '{';
    let first = true;
    for (let i = 0; i < ordered.length; i++) {
      const inner: unknown = value[ordered[i] as string];
      if (omitted(inner)) continue;
      out += `${first ? '' : ','}${prefixes[i] as string}${canonicalJson(inner)}`;
      first = false;
    }
    return out + '}';
  }
  return JSON.stringify(value);
}
