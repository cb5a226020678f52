/**
 * Keyset paging: a page ends with an opaque cursor holding the sort key of its last row, and
 * the next page starts after it. Opaque only for convenience (base64url JSON): the values are
 * bound as query parameters and filtered by the tenant, so a forged cursor just moves within
 * the caller's own rows. Pure.
 */

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key of a cursor with `shape` ('s' string, 'n' number per position), else undefined. */
export function decodeCursor(text: string, shape: string): CursorKey | undefined {
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== shape.length) return undefined;
  const key = value as unknown[];
  const fits = key.every((part, i) =>
    shape[i] === 'n' ? typeof part === 'number' && Number.isFinite(part) : typeof part === 'string',
  );
  return fits ? (key as CursorKey) : undefined;
}

/** A page of rows and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Queries fetch limit + 1 rows: the extra one tells whether there is a next page, and is
 * dropped. `keyOf` gives the sort key of a row.
 */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
  toItem: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
