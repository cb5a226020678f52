/** xAPI 2.4.7 Timestamp: an ISO 8601 date-time with a zone (Z or ±hh:mm). */
import { parseIsoTimestamp } from './formats';
import { propertyPath, type ValidationReport } from './validation-report';

export function checkOptionalTimestamp(
  statement: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  if (statement.timestamp !== undefined && parseIsoTimestamp(statement.timestamp) === null) {
    report.add(
      propertyPath(path, 'timestamp'),
      'must be an ISO 8601 date-time with a time zone (e.g. 2024-05-01T12:00:00Z)',
    );
  }
}
