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
function serialisedKeyOrder(object: JsonObject): string[] {
  const keys = Object.keys(object).sort();
  const indices = keys.filter((key) => ARRAY_INDEX.test(key) && Number(key) < 4_294_967_295);
  if (indices.length === 0) return keys;
  const isIndex = new Set(indices);
  indices.sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isIndex.has(key))];
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
    let out = '{';
    let first = true;
    for (const key of serialisedKeyOrder(value)) {
      const inner: unknown = value[key];
      if (omitted(inner)) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(inner)}`;
      first = false;
    }
    return out + '}';
  }
  return JSON.stringify(value);
}
