/**
 * xAPI statement validation (xAPI 2.0.0 / IEEE 9274.1.1, and 1.0.3 when that is the version in
 * use). Never throws on bad input: it returns every problem as `{ path, rule }`, so a client learns
 * all of them from one 400 answer. Hand-written checks over precompiled patterns: a pure function
 * fast enough for the ingest path.
 */
import { checkStatement } from './rules/statement';
import { ValidationReport, type XapiSpecVersion } from './rules/validation-report';
import { type XapiValidationError } from './statement.types';

export interface ValidateOptions {
  /** Whose rules apply: the X-Experience-API-Version in use (1.0.x → '1.0.3'). */
  version: XapiSpecVersion;
  /** Where the errors point; `statement` by default. */
  path?: string;
}

/** Where the errors of a statement point: `statement.…` alone, `statements[i].…` in a batch. */
export function statementPath(index?: number): string {
  return index === undefined ? 'statement' : `statements[${index}]`;
}

/** Checks one statement under the given version's rules; an empty list means it is acceptable. */
export function validateStatement(input: unknown, options: ValidateOptions): XapiValidationError[] {
  const report = new ValidationReport(options.version);
  checkStatement(input, options.path ?? 'statement', report);
  return report.errors;
}

/** Checks one statement under xAPI 2.0.0 rules (`statements[i]` paths with an index). */
export function validateStatementShape(input: unknown, index?: number): XapiValidationError[] {
  return validateStatement(input, { version: '2.0.0', path: statementPath(index) });
}

/**
 * Checks a POST body (one statement or an array of them): every statement, plus ids that repeat
 * within the batch, which xAPI rejects as a whole. Rules of xAPI 2.0.0 unless told otherwise.
 */
export function validateStatementBatch(
  body: unknown,
  options: { version?: XapiSpecVersion } = {},
): XapiValidationError[] {
  const version = options.version ?? '2.0.0';
  if (!Array.isArray(body)) return validateStatement(body, { version });
  if (body.length === 0)
    return [{ path: 'statements', rule: 'must contain at least one statement' }];
  const errors: XapiValidationError[] = [];
  const firstIndexById = new Map<string, number>();
  body.forEach((statement: unknown, index) => {
    const found = validateStatement(statement, { version, path: statementPath(index) });
    for (const error of found) errors.push(error);
    const id =
      typeof statement === 'object' && statement !== null && 'id' in statement
        ? statement.id
        : undefined;
    if (typeof id !== 'string') return;
    const key = id.toLowerCase();
    const first = firstIndexById.get(key);
    if (first === undefined) firstIndexById.set(key, index);
    else
      errors.push({ path: `statements[${index}].id`, rule: `duplicates statements[${first}].id` });
  });
  return errors;
}
