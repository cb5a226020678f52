/**
 * Entities: `id` an IRI, `type` a known entity type of the version, the entity type a property
 * requires (a subtype is fine; "an object or a string corresponding to its IRI"), required
 * properties, and every known property's value kind (strings, integers, decimals, date-times,
 * durations, enumerations, arrays of entities, …) from the rule table in `caliper-entity-types.ts`.
 */
import {
  entityClass,
  entityProperties,
  isEntityOfType,
  type PropertyKind,
  requiredEntityProperties,
} from '../caliper-entity-types';
import { eventClass } from '../caliper-event-types';
import { isIntegerLiteral } from '../caliper-json';
import {
  CALIPER_METRICS,
  LIS_ROLES,
  LIS_STATUSES,
  LTI_MESSAGE_TYPES,
  SYSTEM_IDENTIFIER_TYPES,
} from '../caliper-vocabulary';
import { isDateTime, isDuration, isIri, isNodeId } from './caliper-formats';
import { type CaliperReport, isJsonObject, itemPath, propertyPath } from './caliper-report';
import { checkContext } from './context-rules';

const ENUMERATIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  roles: LIS_ROLES,
  status: LIS_STATUSES,
  metric: CALIPER_METRICS,
  identifierType: SYSTEM_IDENTIFIER_TYPES,
  ltiMessageType: LTI_MESSAGE_TYPES,
};

export interface EntityCheckOptions {
  /** A top-level object (a document, or an item of an envelope's data) carries `@context`. */
  readonly topLevel: boolean;
}

// "an LtiSession": the article follows how the type name is read, letter by letter for Lti.
function article(type: string): string {
  return /^(?:[AEIOU]|Lti)/.test(type) ? 'an' : 'a';
}

function describeTypes(types: readonly string[]): string {
  return types.map((type) => `${article(type)} ${type}`).join(' or ');
}

/**
 * Checks a value that must be an entity of one of `expected` types (or subtypes), given as an
 * object or as its IRI.
 */
export function checkEntityRef(
  value: unknown,
  expected: readonly string[],
  path: string,
  report: CaliperReport,
  options: EntityCheckOptions = { topLevel: false },
): void {
  if (typeof value === 'string') {
    if (!isNodeId(value)) report.add(path, `must be ${describeTypes(expected)} object or its IRI`);
    return;
  }
  if (!isJsonObject(value)) {
    report.add(path, `must be ${describeTypes(expected)} object or its IRI`);
    return;
  }
  checkEntity(value, path, report, options, expected);
}

/**
 * Checks an entity object: its own rules, and that it is one of `expected` when given (a
 * document or data item stands alone, so any known type, structured values included).
 */
export function checkEntity(
  entity: Record<string, unknown>,
  path: string,
  report: CaliperReport,
  options: EntityCheckOptions,
  expected?: readonly string[],
): void {
  const type = entity.type;
  const typePath = propertyPath(path, 'type');
  const known = typeof type === 'string' ? entityClass(type, report.version) : undefined;
  const structured = known?.structured === true;
  if ('@context' in entity)
    checkContext(entity['@context'], propertyPath(path, '@context'), report);
  else if (options.topLevel && !structured) report.add(propertyPath(path, '@context'), 'required');

  if (typeof type !== 'string') {
    report.add(typePath, type === undefined ? 'required' : 'must be a string (an entity type)');
  } else if (known === undefined) {
    const what = eventClass(type) !== undefined ? 'an event, not an entity' : 'unknown entity type';
    report.add(typePath, `${what} for Caliper ${report.version}: ${JSON.stringify(type)}`);
  } else if (expected !== undefined && !expected.some((base) => isEntityOfType(type, base))) {
    report.add(typePath, `must be ${describeTypes(expected)} (or a subtype), not ${type}`);
  }

  if (!structured) {
    if (entity.id === undefined || entity.id === null)
      report.add(propertyPath(path, 'id'), 'required');
    else if (!isNodeId(entity.id)) report.add(propertyPath(path, 'id'), 'must be an IRI');
  }
  if (typeof type !== 'string' || known === undefined) return;

  for (const name of requiredEntityProperties(type)) {
    if (entity[name] === undefined || entity[name] === null) {
      report.add(propertyPath(path, name), 'required');
    }
  }
  for (const [name, kind] of Object.entries(entityProperties(type))) {
    // JSON-LD reads null as "no value": an optional property set to null is simply absent.
    if (entity[name] !== undefined && entity[name] !== null) {
      checkProperty(kind, entity, name, propertyPath(path, name), report);
    }
  }
}

/** Checks `holder[key]` (at `path`) against a property kind of the rule table. */
export function checkProperty(
  kind: PropertyKind,
  holder: Record<string, unknown> | unknown[],
  key: string,
  path: string,
  report: CaliperReport,
): void {
  const value: unknown = Array.isArray(holder) ? holder[Number(key)] : holder[key];
  if (kind.endsWith('[]')) {
    if (!Array.isArray(value)) {
      report.add(path, 'must be an array');
      return;
    }
    const itemKind = kind.slice(0, -2);
    value.forEach((_item, i) => {
      checkProperty(itemKind, value, String(i), itemPath(path, i), report);
    });
    return;
  }
  if (!isValueKind(kind)) {
    checkEntityRef(value, [kind], path, report);
    return;
  }
  const rule = valueRule(kind, value, holder, key);
  if (rule !== undefined) report.add(path, rule);
}

const VALUE_KINDS = new Set(['string', 'integer', 'decimal', 'boolean', 'datetime', 'duration']);

/** A plain value kind (or an enumeration), as opposed to an entity type name. */
function isValueKind(kind: PropertyKind): boolean {
  return VALUE_KINDS.has(kind) || kind === 'iri' || kind === 'map' || kind.startsWith('enum:');
}

/** The rule a plain value breaks, or undefined when it is fine. */
function valueRule(
  kind: PropertyKind,
  value: unknown,
  holder: object,
  key: string,
): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a decimal number';
      return isIntegerLiteral(holder, key)
        ? 'must be a decimal number written with a fractional part (25.0, not 25)'
        : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'datetime':
      return isDateTime(value) ? undefined : 'must be an ISO 8601 date and time with a zone';
    case 'duration':
      return isDuration(value) ? undefined : 'must be an ISO 8601 duration';
    case 'iri':
      return isIri(value) ? undefined : 'must be an IRI';
    case 'map':
      return isJsonObject(value) ? undefined : 'must be an object';
    default:
      break;
  }
  if (kind.startsWith('enum:')) {
    const values = ENUMERATIONS[kind.slice('enum:'.length)];
    if (typeof value === 'string' && values?.has(value) === true) return undefined;
    return `must be one of the Caliper ${kind.slice('enum:'.length)} terms, not ${JSON.stringify(value)}`;
  }
  return `unknown property kind ${kind}`;
}
