/**
 * Collects the errors of one validation run and builds the paths they point at, so every rule
 * reports the same way (`statements[3].context.extensions["http://x"]`).
 */
import { type XapiValidationError } from '../statement.types';

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

  add(path: string, rule: string): void {
    this.errors.push({ path, rule });
  }
}

/** A JSON object (not null, not an array): what every xAPI structure is. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  if (value === undefined) return undefined;
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
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    report.add(propertyPath(path, key), 'must be a string');
    return undefined;
  }
  return value;
}
