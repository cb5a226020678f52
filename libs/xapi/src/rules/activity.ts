/**
 * xAPI 2.4.4.1 Activity: an absolute IRI id and an optional definition (language maps, type and
 * moreInfo IRIs, extensions). Interaction components are checked in the conformance issue.
 */
import { checkOptionalExtensions } from './extensions';
import { isAbsoluteIri } from './formats';
import { checkOptionalLanguageMap } from './language-map';
import {
  isJsonObject,
  optionalObject,
  propertyPath,
  type ValidationReport,
} from './validation-report';

/** Checks the Activity properties of `activity` (its objectType is checked by the caller). */
export function checkActivityBody(
  activity: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const idPath = propertyPath(path, 'id');
  if (activity.id === undefined) report.add(idPath, 'is required');
  else if (!isAbsoluteIri(activity.id)) report.add(idPath, 'must be an absolute IRI');

  const definition = optionalObject(activity, 'definition', path, report);
  if (definition === undefined) return;
  const at = propertyPath(path, 'definition');
  checkOptionalLanguageMap(definition, 'name', at, report);
  checkOptionalLanguageMap(definition, 'description', at, report);
  for (const key of ['type', 'moreInfo']) {
    if (definition[key] !== undefined && !isAbsoluteIri(definition[key])) {
      report.add(propertyPath(at, key), 'must be an absolute IRI');
    }
  }
  checkOptionalExtensions(definition, at, report);
}

/**
 * Object types that are certainly not an Activity. Open edX's event-routing-backends sends
 * 'GroupActivity', which xAPI does not define; until the conformance issue decides, other
 * unknown types are held to the Activity rules rather than refused.
 */
export const NOT_ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'Agent',
  'Group',
  'StatementRef',
  'SubStatement',
]);

/** Checks a whole Activity object, as found in context activities. */
export function checkActivity(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Activity object');
    return;
  }
  const objectType = value.objectType;
  if (
    objectType !== undefined &&
    (typeof objectType !== 'string' || NOT_ACTIVITY_TYPES.has(objectType))
  ) {
    report.add(propertyPath(path, 'objectType'), "must be 'Activity' or absent");
  }
  checkActivityBody(value, path, report);
}
