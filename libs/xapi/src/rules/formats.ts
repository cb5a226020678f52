/**
 * The value formats xAPI builds on (IRI, UUID, ISO 8601 / RFC 3339 timestamp, ISO 8601 duration,
 * RFC 5646 language tag, mailto IRI, SHA-1 and SHA-2 hex, media type), as predicates shared by the
 * section rules. Every pattern is compiled once, at load.
 */

// RFC 3987 absolute IRI: a scheme, a colon, then no whitespace, controls or characters IRIs exclude.
// xAPI lets an LRS validate IRIs and IRLs best-effort (Data 2.2.s4.b6); IRLs use the same check.
const absoluteIri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\p{Cc}]+$/u;
// RFC 4122 / 9562 layout: version nibble 1-8, variant bits 10xx.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const duration =
  /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;
// RFC 5646 section 2.1 (langtag / privateuse / grandfathered): the sequence of subtag lengths
// and kinds, which is what xAPI asks an LRS to check at least (Data 2.2.s4.b2).
const langtag =
  '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})' + // language (with extlang)
  '(?:-[a-z]{4})?' + // script
  '(?:-(?:[a-z]{2}|[0-9]{3}))?' + // region
  '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*' + // variants
  '(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*' + // extensions
  '(?:-x(?:-[a-z0-9]{1,8})+)?';
const irregular =
  'en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-be-fr|sgn-be-nl|sgn-ch-de';
const languageTag = new RegExp(`^(?:${langtag}|x(?:-[a-z0-9]{1,8})+|${irregular})$`, 'i');
const mailto = /^mailto:[^\s@:/?#]+@[^\s@/?#]+$/;
const sha1Hex = /^[0-9a-f]{40}$/i;
// SHA-224, -256, -384 or -512 as hex.
const sha2Hex = /^(?:[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
// RFC 6838 type/subtype, optionally followed by parameters.
const mediaType =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(?:\s*;\s*[^;\s=]+=(?:[^;\s]*|"[^"]*"))*$/;

export function isAbsoluteIri(value: unknown): value is string {
  return typeof value === 'string' && absoluteIri.test(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && duration.test(value);
}

/** Tags seen valid: a handful (en-US, fr, ...) recur in every language map of every statement. */
const validLanguageTags = new Set<string>();
const MAX_REMEMBERED_TAGS = 256;

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (validLanguageTags.has(value)) return true;
  if (!languageTag.test(value)) return false;
  if (validLanguageTags.size < MAX_REMEMBERED_TAGS) validLanguageTags.add(value);
  return true;
}

export function isMailtoIri(value: unknown): value is string {
  return typeof value === 'string' && mailto.test(value);
}

export function isSha1Hex(value: unknown): value is string {
  return typeof value === 'string' && sha1Hex.test(value);
}

export function isSha2Hex(value: unknown): value is string {
  return typeof value === 'string' && sha2Hex.test(value);
}

export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && mediaType.test(value);
}

// Extended (2024-05-01T12:00:00.5+02:00) and basic (20240501T120000Z) ISO 8601 date-times. The
// separator may be a space as RFC 3339 allows; seconds and zone are optional in ISO 8601.
const extendedTimestamp =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const basicTimestamp =
  /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(\d{2})?)?$/;

/** What a timestamp text says, before a version's rules decide whether it is acceptable. */
export interface TimestampParts {
  /** Epoch milliseconds (a zone-less text is read as UTC). */
  epochMs: number;
  /** ISO 8601 extended format (basic otherwise). */
  extended: boolean;
  hasSeconds: boolean;
  hasZone: boolean;
  /** `-00`, `-0000` or `-00:00`: RFC 3339's "unknown local offset", which ISO 8601 forbids. */
  negativeZeroOffset: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Date.UTC without its reading of years 0-99 as 1900-1999; no Date object on the common path. */
function utcEpochMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime();
}

/** Splits an ISO 8601 date-time into its parts; null when it is not one or names an impossible date. */
export function parseTimestampParts(value: unknown): TimestampParts | null {
  if (typeof value !== 'string') return null;
  let extended = true;
  let match = extendedTimestamp.exec(value);
  if (match === null) {
    extended = false;
    match = basicTimestamp.exec(value);
    if (match === null) return null;
  }
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  let negativeZeroOffset = false;
  if (sign !== undefined) {
    const hours = Number(offH);
    const minutes = offM === undefined ? 0 : Number(offM);
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
    negativeZeroOffset = sign === '-' && hours === 0 && minutes === 0;
  }
  return {
    epochMs: utcEpochMs(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000,
    extended,
    hasSeconds: s !== undefined,
    hasZone: zulu !== undefined || sign !== undefined,
    negativeZeroOffset,
  };
}

/**
 * Parses an ISO 8601 date-time into epoch milliseconds; null when the text is not one or names
 * an impossible date. A text without a zone is read as UTC (xAPI: "SHOULD include the time zone").
 * Fractions beyond milliseconds (edX sends microseconds) are truncated.
 */
export function parseIsoTimestamp(value: unknown): number | null {
  return parseTimestampParts(value)?.epochMs ?? null;
}
