/**
 * xAPI Data 2.4.6 Context: registration UUID, instructor (Agent or Group) and team (Group), context
 * activities (an Activity or an array under parent / grouping / category / other), revision and
 * platform (only when the object is an Activity), RFC 5646 language, a StatementRef, extensions;
 * and in xAPI 2.0 contextAgents and contextGroups.
 */
import { ACTIVITY_OBJECT_TYPES, checkActivity } from './activity';
import { checkActor, checkAgent, checkGroup } from './actor';
import { checkOptionalExtensions } from './extensions';
import { isAbsoluteIri, isLanguageTag, isUuid } from './formats';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  itemPath,
  optionalObject,
  optionalString,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const CONTEXT_KEYS_V1: ReadonlySet<string> = new Set([
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
]);
const CONTEXT_KEYS_V2: ReadonlySet<string> = new Set([
  ...CONTEXT_KEYS_V1,
  'contextAgents',
  'contextGroups',
]);
const CONTEXT_ACTIVITY_KINDS: ReadonlySet<string> = new Set([
  'parent',
  'grouping',
  'category',
  'other',
]);
const STATEMENT_REF_KEYS: ReadonlySet<string> = new Set(['objectType', 'id']);
const CONTEXT_AGENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'agent', 'relevantTypes']);
const CONTEXT_GROUP_KEYS: ReadonlySet<string> = new Set(['objectType', 'group', 'relevantTypes']);

function checkContextActivities(
  value: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const kinds = Object.keys(value).filter((kind) => value[kind] !== undefined);
  if (kinds.length === 0)
    report.add(path, 'must contain at least one of parent, grouping, category, other');
  for (const kind of kinds) {
    const activities = value[kind];
    const at = propertyPath(path, kind);
    if (!CONTEXT_ACTIVITY_KINDS.has(kind)) {
      report.add(at, 'is not a property of contextActivities (parent, grouping, category, other)');
    } else if (activities === null) {
      report.add(at, 'must not be null');
    } else if (Array.isArray(activities)) {
      activities.forEach((activity: unknown, index) => {
        checkActivity(activity, itemPath(at, index), report);
      });
    } else {
      // xAPI 1.0 allowed a single Activity here; an LRS accepts it and stores it as an array.
      checkActivity(activities, at, report);
    }
  }
}

/** StatementRef (Data 2.4.4.3), used by context.statement and by objects. */
export function checkStatementRef(
  value: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  checkKeys(value, STATEMENT_REF_KEYS, path, report, 'a StatementRef');
  if (value.objectType !== 'StatementRef') {
    report.add(propertyPath(path, 'objectType'), "must be 'StatementRef'");
  }
  if (value.id === undefined) report.add(propertyPath(path, 'id'), 'is required');
  else if (!isUuid(value.id)) report.add(propertyPath(path, 'id'), 'must be a UUID');
}

function checkRelevantTypes(
  value: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const types = value.relevantTypes;
  if (!isPresent(types)) return;
  const at = propertyPath(path, 'relevantTypes');
  if (!Array.isArray(types) || types.length === 0) {
    report.add(at, 'must be a non-empty array of IRIs');
    return;
  }
  types.forEach((type: unknown, index) => {
    if (!isAbsoluteIri(type)) report.add(itemPath(at, index), 'must be an absolute IRI');
  });
}

/** xAPI 2.0 contextAgents / contextGroups: arrays of typed wrappers around an Agent or Group. */
function checkContextMembers(
  context: Record<string, unknown>,
  key: 'contextAgents' | 'contextGroups',
  path: string,
  report: ValidationReport,
): void {
  const list = context[key];
  if (!isPresent(list)) return;
  const at = propertyPath(path, key);
  if (!Array.isArray(list)) {
    report.add(
      at,
      `must be an array of ${key === 'contextAgents' ? 'contextAgent' : 'contextGroup'} objects`,
    );
    return;
  }
  const agents = key === 'contextAgents';
  const objectType = agents ? 'contextAgent' : 'contextGroup';
  list.forEach((entry: unknown, index) => {
    const entryPath = itemPath(at, index);
    if (!isJsonObject(entry)) {
      report.add(entryPath, `must be a ${objectType} object`);
      return;
    }
    checkKeys(
      entry,
      agents ? CONTEXT_AGENT_KEYS : CONTEXT_GROUP_KEYS,
      entryPath,
      report,
      `a ${objectType}`,
    );
    if (entry.objectType !== objectType) {
      report.add(propertyPath(entryPath, 'objectType'), `must be '${objectType}'`);
    }
    const member = agents ? 'agent' : 'group';
    if (entry[member] === undefined) report.add(propertyPath(entryPath, member), 'is required');
    else if (isPresent(entry[member])) {
      if (agents) checkAgent(entry.agent, propertyPath(entryPath, 'agent'), report);
      else checkGroup(entry.group, propertyPath(entryPath, 'group'), report);
    }
    checkRelevantTypes(entry, entryPath, report);
  });
}

/** Whether a statement's object is an Activity (objectType absent or an Activity type). */
function objectIsActivity(statement: Record<string, unknown>): boolean {
  const object = statement.object;
  if (!isJsonObject(object)) return true; // reported elsewhere; don't add noise here
  const objectType = object.objectType;
  return (
    !isPresent(objectType) ||
    (typeof objectType === 'string' && ACTIVITY_OBJECT_TYPES.has(objectType))
  );
}

export function checkOptionalContext(
  statement: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const context = optionalObject(statement, 'context', path, report);
  if (context === undefined) return;
  const at = propertyPath(path, 'context');
  checkKeys(context, report.v2 ? CONTEXT_KEYS_V2 : CONTEXT_KEYS_V1, at, report, 'a Context');

  if (isPresent(context.registration) && !isUuid(context.registration)) {
    report.add(propertyPath(at, 'registration'), 'must be a UUID');
  }
  if (isPresent(context.instructor)) {
    checkActor(context.instructor, propertyPath(at, 'instructor'), report);
  }
  if (isPresent(context.team)) checkGroup(context.team, propertyPath(at, 'team'), report);
  const activities = optionalObject(context, 'contextActivities', at, report);
  if (activities !== undefined) {
    checkContextActivities(activities, propertyPath(at, 'contextActivities'), report);
  }
  const activityObject = objectIsActivity(statement);
  for (const key of ['revision', 'platform']) {
    if (optionalString(context, key, at, report) !== undefined && !activityObject) {
      report.add(propertyPath(at, key), 'is only allowed when the object is an Activity');
    }
  }
  if (isPresent(context.language) && !isLanguageTag(context.language)) {
    report.add(propertyPath(at, 'language'), 'must be an RFC 5646 language tag');
  }
  if (isPresent(context.statement)) {
    const ref = context.statement;
    if (isJsonObject(ref)) checkStatementRef(ref, propertyPath(at, 'statement'), report);
    else report.add(propertyPath(at, 'statement'), 'must be a StatementRef object');
  }
  checkOptionalExtensions(context, at, report);
  if (report.v2) {
    checkContextMembers(context, 'contextAgents', at, report);
    checkContextMembers(context, 'contextGroups', at, report);
  }
}
