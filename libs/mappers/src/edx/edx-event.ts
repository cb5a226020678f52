/**
 * Parses one Open edX tracking-log event (either shape) into an EdxEvent, or says why it cannot:
 * a list of `{ path, rule }` errors. Never throws on bad input.
 */
import { parseIsoTimestamp } from '@learnpulse/xapi';
import { canonicalCourseKey, courseKeyInPath } from './edx-course-key';
import {
  type EdxEvent,
  type EdxParseError,
  type EdxParseResult,
  type JsonObject,
} from './edx-event.types';
import { isJsonObject, textAt } from './json-value';

/** Usernames edX writes when nobody is logged in. */
const NO_USERNAME = new Set(['', 'anonymous']);

function readData(raw: JsonObject): { data: JsonObject; dataText: string | null } {
  const value = raw.data !== undefined && raw.data !== null ? raw.data : raw.event;
  if (isJsonObject(value)) return { data: value, dataText: null };
  if (typeof value !== 'string') return { data: {}, dataText: null };
  // Browser events carry `event` as JSON text; some (problem_check) as a query string.
  try {
    const parsed: unknown = JSON.parse(value);
    if (isJsonObject(parsed)) return { data: parsed, dataText: null };
  } catch {
    // Not JSON: keep the text.
  }
  return { data: {}, dataText: value };
}

function readUsername(raw: JsonObject, context: JsonObject, data: JsonObject): string | null {
  for (const candidate of [raw.username, context.username, data.username]) {
    if (typeof candidate === 'string' && !NO_USERNAME.has(candidate)) return candidate;
  }
  return null;
}

function readCourse(
  raw: JsonObject,
  context: JsonObject,
  data: JsonObject,
  eventType: string,
): { courseKey: string | null; rawCourseId: string | null } {
  const rawCourseId = textAt(context, 'course_id') ?? textAt(data, 'course_id');
  const fromIds = canonicalCourseKey(rawCourseId);
  if (fromIds !== null) return { courseKey: fromIds, rawCourseId };
  // Older events name the course only in the URL: event_type (implicit page views) or page.
  for (const where of [eventType, raw.page, context.path, raw.referer, context.referer]) {
    const key = courseKeyInPath(where);
    if (key !== null) return { courseKey: key, rawCourseId };
  }
  return { courseKey: null, rawCourseId };
}

/** `input` is one parsed JSON value; `sourceText`, when given, the line it was parsed from. */
export function parseEdxEvent(input: unknown, sourceText: string | null = null): EdxParseResult {
  if (!isJsonObject(input)) {
    return { ok: false, errors: [{ path: 'event', rule: 'must be a JSON object' }] };
  }
  const errors: EdxParseError[] = [];
  const name = textAt(input, 'name') ?? textAt(input, 'event_type');
  if (name === null) {
    errors.push({ path: 'event.name', rule: 'name or event_type must be a non-empty string' });
  }
  const timestampText =
    typeof input.timestamp === 'string'
      ? input.timestamp
      : typeof input.time === 'string'
        ? input.time
        : null;
  const occurredAt = parseIsoTimestamp(timestampText);
  if (timestampText === null) {
    errors.push({ path: 'event.timestamp', rule: 'timestamp or time must be a string' });
  } else if (occurredAt === null) {
    errors.push({ path: 'event.timestamp', rule: 'must be an ISO 8601 date-time' });
  }
  if (name === null || timestampText === null || occurredAt === null) return { ok: false, errors };

  const context = isJsonObject(input.context) ? input.context : {};
  const { data, dataText } = readData(input);
  const eventType = textAt(input, 'event_type') ?? name;
  const userId = textAt(context, 'user_id') ?? textAt(data, 'user_id');
  const username = readUsername(input, context, data);
  const event: EdxEvent = {
    name,
    eventType,
    shape:
      input.name !== undefined && input.event_type === undefined ? 'processed' : 'tracking-log',
    data,
    dataText,
    context,
    timestampText,
    occurredAt,
    eventSource: textAt(input, 'event_source') ?? textAt(context, 'event_source'),
    userId,
    username,
    anonymous: userId === null && username === null,
    sessionId: textAt(input, 'session') ?? textAt(context, 'session') ?? textAt(data, 'session'),
    ...readCourse(input, context, data, eventType),
    raw: input,
    sourceText,
  };
  return { ok: true, event };
}

/** One tracking-log line (JSON text) → EdxEvent, keeping the text; bad JSON is an error too. */
export function parseEdxEventLine(line: string): EdxParseResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, errors: [{ path: 'event', rule: 'must be JSON text' }] };
  }
  return parseEdxEvent(value, line);
}
