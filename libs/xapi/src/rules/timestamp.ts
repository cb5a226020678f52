/**
 * xAPI Data 2.4.7 Timestamp and 2.4.8 Stored, with Data 4.5 (1.0.3) / 5.4 (2.0) rules:
 * - both versions: an ISO 8601 date-time (extended or basic) naming a real instant, and never the
 *   `-00:00` offset (RFC 3339's "unknown offset", not ISO 8601; the conformance suite refuses it);
 * - xAPI 2.0 additionally holds timestamps to RFC 3339's date-time: extended format, seconds,
 *   and a zone (Z or ±hh:mm); the separator may be 'T' or a space, as RFC 3339 allows.
 * Under 1.0.3 the zone is a SHOULD, so a zone-less timestamp is accepted and read as UTC.
 */
import { parseTimestampParts } from './formats';
import { isPresent, propertyPath, type ValidationReport } from './validation-report';

export function checkTimestamp(value: unknown, path: string, report: ValidationReport): void {
  const parts = parseTimestampParts(value);
  if (parts === null) {
    report.add(path, 'must be an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z)');
    return;
  }
  if (parts.negativeZeroOffset) {
    report.add(path, "must not use the offset '-00:00' (use Z or +00:00)");
    return;
  }
  if (report.v2 && !(parts.extended && parts.hasSeconds && parts.hasZone)) {
    report.add(
      path,
      'must be an RFC 3339 date-time with seconds and a time zone (e.g. 2024-05-01T12:00:00Z)',
    );
  }
}

/** Checks `parent[key]` (timestamp or stored) when present. */
export function checkOptionalTimestamp(
  parent: Record<string, unknown>,
  key: 'timestamp' | 'stored',
  path: string,
  report: ValidationReport,
): void {
  if (isPresent(parent[key])) checkTimestamp(parent[key], propertyPath(path, key), report);
}
