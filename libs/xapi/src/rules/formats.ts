/**
 * The value formats xAPI builds on (IRI, UUID, ISO 8601 timestamp and duration, RFC 5646
 * language tag, mailto IRI, SHA-1 hex), as predicates shared by the section rules.
 */

// RFC 3987 absolute IRI: a scheme, a colon, then no whitespace, controls or characters IRIs exclude.
const absoluteIri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\p{Cc}]+$/u;
// RFC 4122 / 9562 layout: version nibble 1-8, variant bits 10xx.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const timestamp =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|([+-])(\d{2}):?(\d{2}))$/i;
const duration =
  /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;
const languageTag = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const mailto = /^mailto:[^\s@]+@[^\s@]+$/;
const sha1Hex = /^[0-9a-f]{40}$/i;

export function isAbsoluteIri(value: unknown): value is string {
  return typeof value === 'string' && absoluteIri.test(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && duration.test(value);
}

export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && languageTag.test(value);
}

export function isMailtoIri(value: unknown): value is string {
  return typeof value === 'string' && mailto.test(value);
}

export function isSha1Hex(value: unknown): value is string {
  return typeof value === 'string' && sha1Hex.test(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO 8601 date-time with a zone designator (Z or ±hh:mm) into epoch milliseconds;
 * null when the text is not one or names an impossible date. Fractions beyond milliseconds
 * (edX sends microseconds) are truncated.
 */
export function parseIsoTimestamp(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = timestamp.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, , sign, offH, offM] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const hours = Number(offH);
    const minutes = Number(offM);
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offsetMinutes * 60_000;
}
