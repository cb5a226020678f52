/**
 * Collects the errors of one validation run, knows which xAPI version's rules apply, and builds
 * the paths errors point at, so every rule reports the same way
 * (`statements[3].context.extensions["http://x"]`).
 */
import { type XapiValidationError } from '../statement.types';
import { isAbsoluteIri } from './formats';

/** The rule sets this validator knows: xAPI 1.0.3 and xAPI 2.0.0 (IEEE 9274.1.1). */
export type XapiSpecVersion = '1.0.3' | '2.0.0';

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of a property: dotted when the key is a plain name, bracketed JSON otherwise. */
export function propertyPath(path: string, key: string): string {
  return plainKey.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The path of an array item. */
export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export class ValidationReport {
  readonly errors: XapiValidationError[] = [];
  /** True under xAPI 2.0.x rules (contextAgents, RFC 3339 timestamps, ...). */
  readonly v2: boolean;

  constructor(readonly version: XapiSpecVersion = '2.0.0') {
    this.v2 = version === '2.0.0';
  }

  add(path: string, rule: string): void {
    this.errors.push({ path, rule });
  }
}

/** A JSON object (not null, not an array): what every xAPI structure is. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Data 2.2.s4.b1: null is refused everywhere but inside extensions, and a key the specification
 * does not define for this object is refused (which also catches a key in the wrong case).
 * Reports both; the section rules then treat a null property as absent.
 */
export function checkKeys(
  value: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  path: string,
  report: ValidationReport,
  what: string,
): void {
  for (const key of Object.keys(value)) {
    const property = value[key];
    if (property === undefined) continue;
    if (!allowed.has(key)) report.add(propertyPath(path, key), `is not a property of ${what}`);
    else if (property === null) report.add(propertyPath(path, key), 'must not be null');
  }
}

/** Present and not null (null was reported by `checkKeys`). */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Reads an optional property that must be a JSON object: reports a wrong type and returns
 * undefined, so the caller checks the inside only when there is one.
 */
export function optionalObject(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  report: ValidationReport,
): Record<string, unknown> | undefined {
  const value = parent[key];
  if (!isPresent(value)) return undefined;
  if (!isJsonObject(value)) {
    report.add(propertyPath(path, key), 'must be an object');
    return undefined;
  }
  return value;
}

/** Reads an optional string property, reporting any other type. */
export function optionalString(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  report: ValidationReport,
): string | undefined {
  const value = parent[key];
  if (!isPresent(value)) return undefined;
  if (typeof value !== 'string') {
    report.add(propertyPath(path, key), 'must be a string');
    return undefined;
  }
  return value;
}

/** Reads an optional boolean property, reporting any other type (a "true" string included). */
export function optionalBoolean(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  report: ValidationReport,
): void {
  const value = parent[key];
  if (isPresent(value) && typeof value !== 'boolean') {
    report.add(propertyPath(path, key), 'must be a boolean');
  }
}

/** Reads an optional property that must be an absolute IRI (or IRL, checked the same way). */
export function optionalIri(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  report: ValidationReport,
  rule = 'must be an absolute IRI',
): void {
  const value = parent[key];
  if (isPresent(value) && !isAbsoluteIri(value)) report.add(propertyPath(path, key), rule);
}
