/**
 * xAPI Data 2.4.4.1 Activity: an absolute IRI id and an optional definition: name / description
 * language maps, type IRI, moreInfo IRL, extensions, and for interactions (cmi.interaction) the
 * interactionType, correctResponsesPattern and the component lists that type allows.
 */
import { checkOptionalExtensions } from './extensions';
import { isAbsoluteIri } from './formats';
import { checkOptionalLanguageMap } from './language-map';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  itemPath,
  optionalIri,
  optionalObject,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const ACTIVITY_KEYS: ReadonlySet<string> = new Set(['objectType', 'id', 'definition']);
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const DEFINITION_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  ...COMPONENT_LISTS,
]);
const COMPONENT_KEYS: ReadonlySet<string> = new Set(['id', 'description']);

/** The interaction types and the component lists each one may carry (Data 2.4.4.1, table). */
const COMPONENTS_BY_INTERACTION: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['true-false', new Set<string>()],
  ['choice', new Set(['choices'])],
  ['fill-in', new Set<string>()],
  ['long-fill-in', new Set<string>()],
  ['matching', new Set(['source', 'target'])],
  ['performance', new Set(['steps'])],
  ['sequencing', new Set(['choices'])],
  ['likert', new Set(['scale'])],
  ['numeric', new Set<string>()],
  ['other', new Set<string>()],
]);

/**
 * Object types accepted as an Activity besides 'Activity'. Open edX's event-routing-backends
 * sends 'GroupActivity' for multi-question problems; xAPI defines no such type, but refusing
 * it would drop real edX traffic, so it is read as an Activity (and stored unchanged). Every
 * other unknown objectType is refused (Data 2.4.4 and conformance XAPI-00046).
 */
export const ACTIVITY_OBJECT_TYPES: ReadonlySet<string> = new Set(['Activity', 'GroupActivity']);

function checkComponents(value: unknown, path: string, report: ValidationReport): void {
  if (!Array.isArray(value)) {
    report.add(path, 'must be an array of interaction components');
    return;
  }
  const seen = new Set<string>();
  value.forEach((component: unknown, index) => {
    const at = itemPath(path, index);
    if (!isJsonObject(component)) {
      report.add(at, 'must be an interaction component object (id, description)');
      return;
    }
    checkKeys(component, COMPONENT_KEYS, at, report, 'an interaction component');
    const id = component.id;
    if (id === undefined) report.add(propertyPath(at, 'id'), 'is required');
    else if (typeof id !== 'string' || id.length === 0) {
      if (isPresent(id)) report.add(propertyPath(at, 'id'), 'must be a non-empty string');
    } else if (seen.has(id)) {
      report.add(propertyPath(at, 'id'), 'must be unique within the list');
    } else {
      seen.add(id);
    }
    checkOptionalLanguageMap(component, 'description', at, report);
  });
}

function checkInteraction(
  definition: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const interactionType = definition.interactionType;
  let allowed: ReadonlySet<string> | undefined;
  if (isPresent(interactionType)) {
    allowed =
      typeof interactionType === 'string'
        ? COMPONENTS_BY_INTERACTION.get(interactionType)
        : undefined;
    if (allowed === undefined) {
      report.add(
        propertyPath(path, 'interactionType'),
        `must be one of ${[...COMPONENTS_BY_INTERACTION.keys()].join(', ')}`,
      );
    }
  }
  const pattern = definition.correctResponsesPattern;
  if (isPresent(pattern)) {
    const at = propertyPath(path, 'correctResponsesPattern');
    if (!Array.isArray(pattern) || pattern.some((item) => typeof item !== 'string')) {
      report.add(at, 'must be an array of strings');
    }
    if (!isPresent(interactionType)) report.add(at, 'requires an interactionType');
  }
  for (const list of COMPONENT_LISTS) {
    if (!isPresent(definition[list])) continue;
    const at = propertyPath(path, list);
    checkComponents(definition[list], at, report);
    if (!isPresent(interactionType)) report.add(at, 'requires an interactionType');
    else if (allowed !== undefined && !allowed.has(list)) {
      report.add(at, `is not a component list of interactionType '${String(interactionType)}'`);
    }
  }
}

function checkDefinition(
  definition: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  checkKeys(definition, DEFINITION_KEYS, path, report, 'an Activity Definition');
  checkOptionalLanguageMap(definition, 'name', path, report);
  checkOptionalLanguageMap(definition, 'description', path, report);
  optionalIri(definition, 'type', path, report);
  optionalIri(definition, 'moreInfo', path, report, 'must be an IRL (absolute IRI)');
  checkOptionalExtensions(definition, path, report);
  checkInteraction(definition, path, report);
}

/** Checks the Activity properties of `activity` (its objectType is checked by the caller). */
export function checkActivityBody(
  activity: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  checkKeys(activity, ACTIVITY_KEYS, path, report, 'an Activity');
  const idPath = propertyPath(path, 'id');
  if (activity.id === undefined) report.add(idPath, 'is required');
  else if (isPresent(activity.id) && !isAbsoluteIri(activity.id)) {
    report.add(idPath, 'must be an absolute IRI');
  }
  const definition = optionalObject(activity, 'definition', path, report);
  if (definition !== undefined)
    checkDefinition(definition, propertyPath(path, 'definition'), report);
}

/** Checks a whole Activity object, as found in context activities. */
export function checkActivity(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Activity object');
    return;
  }
  const objectType = value.objectType;
  if (
    isPresent(objectType) &&
    (typeof objectType !== 'string' || !ACTIVITY_OBJECT_TYPES.has(objectType))
  ) {
    report.add(propertyPath(path, 'objectType'), "must be 'Activity' or absent");
  }
  checkActivityBody(value, path, report);
}
