/**
 * xAPI Extensions (Activity definition, result, context): an object whose keys are absolute IRIs;
 * values are any JSON, null included (the one place null is allowed).
 */
import { isAbsoluteIri } from './formats';
import { isJsonObject, isPresent, propertyPath, type ValidationReport } from './validation-report';

export function checkOptionalExtensions(
  parent: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const value = parent.extensions;
  if (!isPresent(value)) return;
  const at = propertyPath(path, 'extensions');
  if (!isJsonObject(value)) {
    report.add(at, 'must be an object whose keys are IRIs');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!isAbsoluteIri(key)) report.add(propertyPath(at, key), 'key must be an absolute IRI');
  }
}
