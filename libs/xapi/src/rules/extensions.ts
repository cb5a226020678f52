/** xAPI 2.4.4.1 / 2.4.5 / 2.4.6 Extensions: an object whose keys are absolute IRIs; values are any JSON. */
import { isAbsoluteIri } from './formats';
import { isJsonObject, propertyPath, type ValidationReport } from './validation-report';

export function checkOptionalExtensions(
  parent: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const value = parent.extensions;
  if (value === undefined) return;
  const at = propertyPath(path, 'extensions');
  if (!isJsonObject(value)) {
    report.add(at, 'must be an object whose keys are IRIs');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!isAbsoluteIri(key)) report.add(propertyPath(at, key), 'key must be an absolute IRI');
  }
}
