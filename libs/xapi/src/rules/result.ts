/** xAPI 2.4.5 Result: score bounds, boolean flags, response text, ISO 8601 duration, extensions. */
import { checkOptionalExtensions } from './extensions';
import { isIsoDuration } from './formats';
import {
  optionalObject,
  optionalString,
  propertyPath,
  type ValidationReport,
} from './validation-report';

function checkScore(score: Record<string, unknown>, path: string, report: ValidationReport): void {
  const numbers: Partial<Record<'scaled' | 'raw' | 'min' | 'max', number>> = {};
  for (const key of ['scaled', 'raw', 'min', 'max'] as const) {
    const value = score[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      report.add(propertyPath(path, key), 'must be a number');
    } else {
      numbers[key] = value;
    }
  }
  const { scaled, raw, min, max } = numbers;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) {
    report.add(propertyPath(path, 'scaled'), 'must be between -1 and 1');
  }
  // xAPI asks max > min; real LMS output sends min = max = 0 for ungraded items, so only an
  // inverted range is refused here (the strict rule belongs to the conformance issue).
  if (min !== undefined && max !== undefined && max < min) {
    report.add(propertyPath(path, 'max'), 'must not be less than min');
  }
  if (raw !== undefined && min !== undefined && raw < min) {
    report.add(propertyPath(path, 'raw'), 'must not be less than min');
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    report.add(propertyPath(path, 'raw'), 'must not be greater than max');
  }
}

export function checkOptionalResult(
  statement: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const result = optionalObject(statement, 'result', path, report);
  if (result === undefined) return;
  const at = propertyPath(path, 'result');
  const score = optionalObject(result, 'score', at, report);
  if (score !== undefined) checkScore(score, propertyPath(at, 'score'), report);
  for (const key of ['success', 'completion']) {
    if (result[key] !== undefined && typeof result[key] !== 'boolean') {
      report.add(propertyPath(at, key), 'must be a boolean');
    }
  }
  optionalString(result, 'response', at, report);
  if (result.duration !== undefined && !isIsoDuration(result.duration)) {
    report.add(propertyPath(at, 'duration'), 'must be an ISO 8601 duration (e.g. PT1M30S)');
  }
  checkOptionalExtensions(result, at, report);
}
