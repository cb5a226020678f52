/**
 * Reading OULAD fields: whole-day offsets (negative before the start), required text, and the
 * assessment score (empty or `?` when missing). Problems are collected, never thrown.
 */
import { type OuladMappingError, type OuladRow } from './oulad-mapping.types';

const DAY_PATTERN = /^-?\d{1,5}$/;
const SCORE_PATTERN = /^\d{1,3}(\.\d+)?$/;

export function requiredText(row: OuladRow, column: string, errors: OuladMappingError[]): string {
  const value = row[column]?.trim() ?? '';
  if (value === '') errors.push({ path: column, rule: 'is required' });
  return value;
}

/** A day offset; an empty field is an error when required, null when optional. */
export function dayOffset(
  row: OuladRow,
  column: string,
  errors: OuladMappingError[],
  { optional = false } = {},
): number | null {
  const value = row[column]?.trim() ?? '';
  if (value === '') {
    if (!optional) errors.push({ path: column, rule: 'is required' });
    return null;
  }
  if (!DAY_PATTERN.test(value)) {
    errors.push({ path: column, rule: 'must be a whole number of days' });
    return null;
  }
  return Number(value);
}

/** A positive whole count (sum_click). */
export function positiveCount(row: OuladRow, column: string, errors: OuladMappingError[]): number {
  const value = row[column]?.trim() ?? '';
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) {
    errors.push({ path: column, rule: 'must be a whole number above 0' });
    return 0;
  }
  return Number(value);
}

/**
 * The score of a submission, 0..100; null when the field is empty or `?` (both mean "missing"
 * in the copies of the dataset), so the submission still counts without a score.
 */
export function percentScore(
  row: OuladRow,
  column: string,
  errors: OuladMappingError[],
): number | null {
  const value = row[column]?.trim() ?? '';
  if (value === '' || value === '?') return null;
  if (!SCORE_PATTERN.test(value) || Number(value) > 100) {
    errors.push({ path: column, rule: 'must be a number from 0 to 100, empty or ?' });
    return null;
  }
  return Number(value);
}
