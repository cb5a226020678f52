/**
 * Collects the errors of one Caliper validation run under one spec version, and builds the paths
 * they point at (`data[2].actor.id`, `object["@context"]`), so every rule reports the same way.
 */
import { type CaliperValidationError } from '../caliper.types';
import { type CaliperVersion } from '../caliper-version';

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of a property: the bare key at the root, dotted when plain, bracketed otherwise. */
export function propertyPath(path: string, key: string): string {
  if (path === '') return key;
  return plainKey.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export class CaliperReport {
  readonly errors: CaliperValidationError[] = [];

  constructor(readonly version: CaliperVersion) {}

  add(path: string, rule: string): void {
    this.errors.push({ path: path === '' ? '(root)' : path, rule });
  }
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
