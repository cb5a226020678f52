/**
 * The `more` token of a statement listing: the original filters, page size, order, the
 * snapshot bound of the first page and the last (stored, id) returned. It is plain base64url
 * JSON, checked field by field on the way back in like any query parameter: a client that edits
 * it gets 400 or a different query of its own tenant (the tenant and the read/mine restriction
 * always come from the credential), never someone else's data. Being keyless, it stays valid
 * across restarts and gateway instances.
 */
import { z } from 'zod';
import {
  type PagePosition,
  type StatementQueryFilters,
  type StatementQueryOptions,
} from './statement-query';

export interface StatementCursor {
  filters: Omit<StatementQueryFilters, 'authorityKey'>;
  options: StatementQueryOptions & { after: PagePosition };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const epochMs = z
  .number()
  .int()
  .min(0)
  .max(Date.UTC(2300, 0, 1));

const cursorSchema = z.strictObject({
  f: z.strictObject({
    agent: z.string().min(1).max(4096).optional(),
    verb: z.string().min(1).max(4096).optional(),
    activity: z.string().min(1).max(4096).optional(),
    registration: z.string().regex(UUID).optional(),
    relatedActivities: z.boolean().optional(),
    relatedAgents: z.boolean().optional(),
    since: epochMs.optional(),
    until: epochMs.optional(),
  }),
  l: z.number().int().min(1).max(100_000),
  a: z.boolean(),
  b: epochMs,
  s: epochMs,
  i: z.string().regex(UUID),
});

export function encodeCursor(cursor: StatementCursor): string {
  const { filters, options } = cursor;
  const json = {
    f: filters,
    l: options.limit,
    a: options.ascending,
    b: options.bound,
    s: options.after.stored,
    i: options.after.id,
  };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/** Null when the token is not one this LRS made (or was edited into something invalid). */
export function decodeCursor(token: string): StatementCursor | null {
  if (!/^[A-Za-z0-9_-]{1,8192}$/.test(token)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return null;
  const { f, l, a, b, s, i } = parsed.data;
  // Zod leaves absent optional fields out, so `f` holds only the filters that were given.
  const filters: StatementCursor['filters'] = f;
  return { filters, options: { limit: l, ascending: a, bound: b, after: { stored: s, id: i } } };
}
