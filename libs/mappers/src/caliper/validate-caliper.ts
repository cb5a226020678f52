/**
 * Caliper 1.1 / 1.2 validation, the public entry points: a sensor envelope, one event, one entity,
 * or any Caliper JSON document judged by its content. Each returns `{ path, rule }` errors (empty
 * when valid) and never throws on bad input.
 */
import { type CaliperDocumentKind, type CaliperValidationError } from './caliper.types';
import { type CaliperVersion } from './caliper-version';
import { CaliperReport, isJsonObject } from './rules/caliper-report';
import { contextVersion } from './rules/context-rules';
import { isEventLike } from './rules/data-item-kind';
import { checkEndpointConfig } from './rules/endpoint-config-rules';
import { checkEntity, checkEntityRef } from './rules/entity-rules';
import { checkEnvelope } from './rules/envelope-rules';
import { checkEvent } from './rules/event-rules';

export interface CaliperPathOptions {
  /** Where paths start (default: the root, `actor.id`); e.g. `data[2]` gives `data[2].actor.id`. */
  readonly path?: string;
}

/** A sensor envelope (`sensor`, `sendTime`, `dataVersion`, `data[]`), its data included. */
export function validateCaliperEnvelope(body: unknown): CaliperValidationError[] {
  return checkEnvelope(body).errors;
}

/** One event under `version`'s rules; a top-level event must carry `@context`. */
export function validateCaliperEvent(
  value: unknown,
  version: CaliperVersion,
  options: CaliperPathOptions = {},
): CaliperValidationError[] {
  const report = new CaliperReport(version);
  const path = options.path ?? '';
  if (!isJsonObject(value)) report.add(path, 'must be a JSON object (a Caliper event)');
  else checkEvent(value, path, report, { topLevel: true });
  return report.errors;
}

/**
 * One entity under `version`'s rules, as an object (a top-level one carries `@context`, except
 * structured values such as SystemIdentifier) or as a reference by IRI string.
 */
export function validateCaliperEntity(
  value: unknown,
  version: CaliperVersion,
  options: CaliperPathOptions = {},
): CaliperValidationError[] {
  const report = new CaliperReport(version);
  const path = options.path ?? '';
  if (isJsonObject(value)) checkEntity(value, path, report, { topLevel: true });
  else checkEntityRef(value, ['Entity'], path, report);
  return report.errors;
}

/** What a top-level Caliper document is, by its content (never by its file name). */
export function caliperDocumentKind(value: unknown): CaliperDocumentKind | undefined {
  if (!isJsonObject(value)) return undefined;
  if ('sensor' in value || 'dataVersion' in value || ('data' in value && 'sendTime' in value)) {
    return 'envelope';
  }
  if (Object.keys(value).some((key) => key.startsWith('caliper_'))) return 'endpoint-config';
  return isEventLike(value) ? 'event' : 'entity';
}

export interface CaliperDocumentReport {
  readonly kind: CaliperDocumentKind | undefined;
  /** The version the document's `@context` (or `dataVersion`) names, else the default given. */
  readonly version: CaliperVersion;
  readonly errors: CaliperValidationError[];
}

/**
 * Any Caliper JSON document: an envelope, an event, an entity or an endpoint configuration
 * payload, each validated by its own rules. Events and entities are checked under the version
 * their `@context` names, or `defaultVersion` when it names none.
 */
export function validateCaliperDocument(
  value: unknown,
  defaultVersion: CaliperVersion = '1.2',
): CaliperDocumentReport {
  const kind = caliperDocumentKind(value);
  const context = isJsonObject(value) ? contextVersion(value['@context']) : undefined;
  const version = context ?? defaultVersion;
  switch (kind) {
    case 'envelope':
      return { kind, version, errors: validateCaliperEnvelope(value) };
    case 'endpoint-config':
      return {
        kind,
        version,
        errors: isJsonObject(value) ? checkEndpointConfig(value).errors : [],
      };
    case 'event':
      return { kind, version, errors: validateCaliperEvent(value, version) };
    case 'entity':
      return { kind, version, errors: validateCaliperEntity(value, version) };
    default:
      return {
        kind,
        version,
        errors: [{ path: '(root)', rule: 'must be a JSON object (a Caliper document)' }],
      };
  }
}
