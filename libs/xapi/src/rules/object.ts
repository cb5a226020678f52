/**
 * xAPI 2.4.4 Object: an Activity (objectType absent or 'Activity'), an Agent or Group, a
 * StatementRef, or a SubStatement (which may not nest another SubStatement).
 */
import { checkActivityBody } from './activity';
import { checkActor } from './actor';
import { checkOptionalContext, checkStatementRef } from './context';
import { checkOptionalResult } from './result';
import { checkOptionalTimestamp } from './timestamp';
import { isJsonObject, propertyPath, type ValidationReport } from './validation-report';
import { checkVerb } from './verb';

const LRS_OWNED = ['id', 'stored', 'version', 'authority'] as const;

function checkSubStatement(
  sub: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  for (const key of LRS_OWNED) {
    if (sub[key] !== undefined)
      report.add(propertyPath(path, key), 'is not allowed in a SubStatement');
  }
  checkActor(sub.actor, propertyPath(path, 'actor'), report);
  checkVerb(sub.verb, propertyPath(path, 'verb'), report);
  checkObject(sub.object, propertyPath(path, 'object'), report, false);
  checkOptionalResult(sub, path, report);
  checkOptionalContext(sub, path, report);
  checkOptionalTimestamp(sub, path, report);
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
  switch (objectType) {
    case undefined:
    case 'Activity':
      checkActivityBody(value, path, report);
      return;
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
      if (typeof objectType !== 'string') {
        report.add(propertyPath(path, 'objectType'), 'must be a string');
        return;
      }
      // An unknown type such as Open edX's 'GroupActivity' (see NOT_ACTIVITY_TYPES).
      checkActivityBody(value, path, report);
  }
}
