/**
 * xAPI Data 2.4.4 Object: an Activity (objectType absent or 'Activity'), an Agent or Group
 * (objectType required), a StatementRef, or a SubStatement, which follows the statement rules but
 * has no id, stored, version or authority and may not contain another SubStatement.
 */
import { ACTIVITY_OBJECT_TYPES, checkActivityBody } from './activity';
import { checkActor } from './actor';
import { checkOptionalAttachments } from './attachment';
import { checkOptionalContext, checkStatementRef } from './context';
import { checkOptionalResult } from './result';
import { checkOptionalTimestamp } from './timestamp';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  propertyPath,
  type ValidationReport,
} from './validation-report';
import { checkVerb } from './verb';

const SUB_STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'objectType',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'attachments',
]);
const LRS_OWNED: ReadonlySet<string> = new Set(['id', 'stored', 'version', 'authority']);

export function checkRequired(
  parent: Record<string, unknown>,
  key: 'actor' | 'verb' | 'object',
  path: string,
  report: ValidationReport,
  check: (value: unknown, path: string, report: ValidationReport) => void,
): void {
  const value = parent[key];
  if (value === undefined) report.add(propertyPath(path, key), 'is required');
  else if (value !== null) check(value, propertyPath(path, key), report);
}

function checkSubStatement(
  sub: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const unknown: Record<string, unknown> = {};
  for (const key of Object.keys(sub)) {
    if (sub[key] === undefined) continue;
    if (LRS_OWNED.has(key)) report.add(propertyPath(path, key), 'is not allowed in a SubStatement');
    else unknown[key] = sub[key];
  }
  checkKeys(unknown, SUB_STATEMENT_KEYS, path, report, 'a SubStatement');
  checkRequired(sub, 'actor', path, report, checkActor);
  checkRequired(sub, 'verb', path, report, checkVerb);
  checkRequired(sub, 'object', path, report, (value, at, r) => {
    checkObject(value, at, r, false);
  });
  checkOptionalResult(sub, path, report);
  checkOptionalContext(sub, path, report);
  checkOptionalTimestamp(sub, 'timestamp', path, report);
  checkOptionalAttachments(sub, path, report);
}

export function checkObject(
  value: unknown,
  path: string,
  report: ValidationReport,
  allowSubStatement = true,
): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an object (Activity, Agent, Group, StatementRef or SubStatement)');
    return;
  }
  const objectType = value.objectType;
  if (!isPresent(objectType)) {
    checkActivityBody(value, path, report);
    return;
  }
  switch (objectType) {
    case 'Agent':
    case 'Group':
      checkActor(value, path, report);
      return;
    case 'StatementRef':
      checkStatementRef(value, path, report);
      return;
    case 'SubStatement':
      if (allowSubStatement) checkSubStatement(value, path, report);
      else
        report.add(
          propertyPath(path, 'objectType'),
          'a SubStatement may not contain a SubStatement',
        );
      return;
    default:
      if (typeof objectType === 'string' && ACTIVITY_OBJECT_TYPES.has(objectType)) {
        checkActivityBody(value, path, report);
      } else {
        report.add(
          propertyPath(path, 'objectType'),
          "must be 'Activity', 'Agent', 'Group', 'StatementRef' or 'SubStatement'",
        );
      }
  }
}
