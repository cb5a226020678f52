/** xAPI 2.4.3 Verb: an absolute IRI id and an optional display language map. */
import { isAbsoluteIri } from './formats';
import { checkOptionalLanguageMap } from './language-map';
import { isJsonObject, propertyPath, type ValidationReport } from './validation-report';

export function checkVerb(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be a Verb object with an id');
    return;
  }
  if (value.id === undefined) report.add(propertyPath(path, 'id'), 'is required');
  else if (!isAbsoluteIri(value.id))
    report.add(propertyPath(path, 'id'), 'must be an absolute IRI');
  checkOptionalLanguageMap(value, 'display', path, report);
}
