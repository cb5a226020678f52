/**
 * xAPI 2.4.6 Context: registration UUID, instructor and team, context activities (one Activity or
 * an array under parent/grouping/category/other), a StatementRef, language tag, extensions.
 */
import { checkActivity } from './activity';
import { checkActor, checkGroupActor } from './actor';
import { checkOptionalExtensions } from './extensions';
import { isLanguageTag, isUuid } from './formats';
import {
  isJsonObject,
  itemPath,
  optionalObject,
  optionalString,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const CONTEXT_ACTIVITY_KINDS = new Set(['parent', 'grouping', 'category', 'other']);

function checkContextActivities(
  value: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  for (const [kind, activities] of Object.entries(value)) {
    const at = propertyPath(path, kind);
    if (!CONTEXT_ACTIVITY_KINDS.has(kind)) {
      report.add(at, 'must be one of parent, grouping, category, other');
    } else if (Array.isArray(activities)) {
      activities.forEach((activity, index) => {
        checkActivity(activity, itemPath(at, index), report);
      });
    } else {
      // xAPI 1.0 allowed a single Activity here; an LRS accepts it and stores it as an array.
      checkActivity(activities, at, report);
    }
  }
}

/** StatementRef (2.4.4.3), used by context.statement and by objects. */
export function checkStatementRef(
  value: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  if (value.objectType !== 'StatementRef') {
    report.add(propertyPath(path, 'objectType'), "must be 'StatementRef'");
  }
  if (!isUuid(value.id)) report.add(propertyPath(path, 'id'), 'must be a UUID');
}

export function checkOptionalContext(
  statement: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const context = optionalObject(statement, 'context', path, report);
  if (context === undefined) return;
  const at = propertyPath(path, 'context');

  if (context.registration !== undefined && !isUuid(context.registration)) {
    report.add(propertyPath(at, 'registration'), 'must be a UUID');
  }
  if (context.instructor !== undefined) {
    checkActor(context.instructor, propertyPath(at, 'instructor'), report);
  }
  if (context.team !== undefined) checkGroupActor(context.team, propertyPath(at, 'team'), report);
  const activities = optionalObject(context, 'contextActivities', at, report);
  if (activities !== undefined) {
    checkContextActivities(activities, propertyPath(at, 'contextActivities'), report);
  }
  optionalString(context, 'revision', at, report);
  optionalString(context, 'platform', at, report);
  if (context.language !== undefined && !isLanguageTag(context.language)) {
    report.add(propertyPath(at, 'language'), 'must be an RFC 5646 language tag');
  }
  if (context.statement !== undefined) {
    const ref = context.statement;
    if (isJsonObject(ref)) checkStatementRef(ref, propertyPath(at, 'statement'), report);
    else report.add(propertyPath(at, 'statement'), 'must be a StatementRef object');
  }
  checkOptionalExtensions(context, at, report);
}
