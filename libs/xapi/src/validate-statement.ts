/**
 * Shape validation of incoming xAPI statements. Never throws on bad input: it returns every
 * problem as `{ path, rule }`, so a client learns all of them from one 400 answer.
 */
import { checkStatement } from './rules/statement';
import { ValidationReport } from './rules/validation-report';
import { type XapiValidationError } from './statement.types';

/** Where the errors of a statement point: `statement.…` alone, `statements[i].…` in a batch. */
export function statementPath(index?: number): string {
  return index === undefined ? 'statement' : `statements[${index}]`;
}

/** Checks one statement; an empty list means it is acceptable. */
export function validateStatementShape(input: unknown, index?: number): XapiValidationError[] {
  const report = new ValidationReport();
  checkStatement(input, statementPath(index), report);
  return report.errors;
}

/**
 * Checks a POST body (one statement or an array of them): every statement's shape, plus ids
 * that repeat within the batch, which xAPI rejects as a whole.
 */
export function validateStatementBatch(body: unknown): XapiValidationError[] {
  if (!Array.isArray(body)) return validateStatementShape(body);
  if (body.length === 0)
    return [{ path: 'statements', rule: 'must contain at least one statement' }];
  const errors: XapiValidationError[] = [];
  const firstIndexById = new Map<string, number>();
  body.forEach((statement: unknown, index) => {
    errors.push(...validateStatementShape(statement, index));
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
