/**
 * xAPI Data 2.4.5 Result: score (scaled in [-1, 1], raw within min and max), success and completion
 * booleans, response string, ISO 8601 duration, extensions.
 */
import { checkOptionalExtensions } from './extensions';
import { isIsoDuration } from './formats';
import {
  checkKeys,
  isPresent,
  optionalBoolean,
  optionalObject,
  optionalString,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const RESULT_KEYS: ReadonlySet<string> = new Set([
  'score',
  'success',
  'completion',
  'response',
  'duration',
  'extensions',
]);
const SCORE_KEYS = ['scaled', 'raw', 'min', 'max'] as const;
const SCORE_KEY_SET: ReadonlySet<string> = new Set(SCORE_KEYS);

function checkScore(score: Record<string, unknown>, path: string, report: ValidationReport): void {
  checkKeys(score, SCORE_KEY_SET, path, report, 'a Score');
  const numbers: Partial<Record<(typeof SCORE_KEYS)[number], number>> = {};
  for (const key of SCORE_KEYS) {
    const value = score[key];
    if (!isPresent(value)) continue;
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
  // The spec asks max > min, but Open edX sends min = max = 0 for ungraded problems (real
  // samples we must accept); the conformance suite (XAPI-00080/81) refuses only max < min.
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
  checkKeys(result, RESULT_KEYS, at, report, 'a Result');
  const score = optionalObject(result, 'score', at, report);
  if (score !== undefined) checkScore(score, propertyPath(at, 'score'), report);
  optionalBoolean(result, 'success', at, report);
  optionalBoolean(result, 'completion', at, report);
  optionalString(result, 'response', at, report);
  if (isPresent(result.duration) && !isIsoDuration(result.duration)) {
    report.add(propertyPath(at, 'duration'), 'must be an ISO 8601 duration (e.g. PT1M30S)');
  }
  checkOptionalExtensions(result, at, report);
}
