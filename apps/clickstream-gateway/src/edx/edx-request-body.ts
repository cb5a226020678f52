/**
 * Splits an edX events request body into its events, all or nothing: NDJSON (one tracking-log
 * line per event, as log shippers send it; blank lines skipped) or JSON (an array of events or
 * one event). Every line that is not JSON or not a parseable edX event is listed with its line
 * number, so a client can fix the whole batch from one answer. Pure; never throws.
 */
import { type EdxEvent, parseEdxEvent, parseEdxEventLine } from '@learnpulse/mappers';

/** At most this many problems are listed in a 400; `total` says how many there were. */
export const MAX_REPORTED_ERRORS = 100;

export type EdxBodyFormat = 'ndjson' | 'json';

/**
 * One problem: `line` is the NDJSON line number (1-based, blank lines counted), or the event's
 * 1-based position in a JSON array (1 for a single object or a body that is not JSON).
 */
export interface EdxLineError {
  readonly line: number;
  readonly path: string;
  readonly rule: string;
}

export type EdxBodyResult =
  | { readonly ok: true; readonly events: readonly EdxEvent[] }
  | {
      readonly ok: false;
      readonly errors: readonly EdxLineError[];
      /** All problems, listed or not. */
      readonly total: number;
      /** Events (lines, array items) the body held, refused with it. */
      readonly items: number;
    };

function fail(errors: EdxLineError[], items: number): EdxBodyResult {
  return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), total: errors.length, items };
}

function readNdjson(text: string): EdxBodyResult {
  const events: EdxEvent[] = [];
  const errors: EdxLineError[] = [];
  let items = 0;
  text.split('\n').forEach((raw, index) => {
    // A CRLF log keeps its \r on each line; JSON allows the whitespace, the payload should not.
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim().length === 0) return;
    items += 1;
    const parsed = parseEdxEventLine(line);
    if (parsed.ok) events.push(parsed.event);
    else errors.push(...parsed.errors.map((error) => ({ line: index + 1, ...error })));
  });
  if (errors.length > 0) return fail(errors, items);
  if (events.length === 0) {
    return fail([{ line: 1, path: 'body', rule: 'must hold at least one event' }], 0);
  }
  return { ok: true, events };
}

function readJson(text: string): EdxBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail([{ line: 1, path: 'body', rule: `must be JSON (${reason})` }], 1);
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  if (items.length === 0) {
    return fail([{ line: 1, path: 'body', rule: 'must hold at least one event' }], 0);
  }
  const events: EdxEvent[] = [];
  const errors: EdxLineError[] = [];
  items.forEach((item, index) => {
    const parsed = parseEdxEvent(item);
    if (parsed.ok) events.push(parsed.event);
    else errors.push(...parsed.errors.map((error) => ({ line: index + 1, ...error })));
  });
  return errors.length > 0 ? fail(errors, items.length) : { ok: true, events };
}

export function readEdxRequestBody(format: EdxBodyFormat, text: string): EdxBodyResult {
  return format === 'ndjson' ? readNdjson(text) : readJson(text);
}
