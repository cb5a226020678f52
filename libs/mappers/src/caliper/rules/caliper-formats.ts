/**
 * Value formats Caliper properties use: IRIs, `urn:uuid:` event ids, ISO 8601 date-times with a
 * zone, and ISO 8601 durations.
 */

// RFC 3987 in the large: a scheme, a colon and no whitespace. Enough to refuse prose ("This is
// not an IRI") and bare names, without refusing the many IRI shapes sensors legitimately send.
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ISO 8601 extended format with seconds and a zone; the spec asks for UTC with milliseconds
// (YYYY-MM-DDTHH:mm:ss.SSSZ), offsets and other precisions are still unambiguous instants.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

const DURATION =
  /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;

export function isIri(value: unknown): value is string {
  return typeof value === 'string' && IRI.test(value);
}

// A blank node identifier (`_:a1`): the Caliper glossary's document-scoped id for a resource
// with no global IRI (transient data, e.g. the MediaLocation of a video event).
const BLANK_NODE = /^_:[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** An entity id: an IRI, or a blank node identifier. */
export function isNodeId(value: unknown): value is string {
  return isIri(value) || (typeof value === 'string' && BLANK_NODE.test(value));
}

export function isUuidUrn(value: unknown): value is string {
  return typeof value === 'string' && UUID_URN.test(value);
}

export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (match === null) return false;
  const [, , month, day, hour, minute, second] = match.map(Number);
  const inRange =
    month !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day !== undefined &&
    day >= 1 &&
    day <= 31 &&
    (hour ?? 99) <= 23 &&
    (minute ?? 99) <= 59 &&
    (second ?? 99) <= 60;
  return inRange && !Number.isNaN(Date.parse(value));
}

export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && DURATION.test(value);
}
