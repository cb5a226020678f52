/**
 * Small readers for untyped JSON: edX events are loosely typed, so every field is read through
 * these instead of casts.
 */
import { type JsonObject, type JsonValue } from './edx-event.types';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`context.module.usage_key`), or undefined. */
export function valueAt(source: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = source;
  for (const key of path.split('.')) {
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

/** JSON with object keys sorted, so equal content always serialises (and hashes) the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isJsonObject(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
