/** xAPI Data 2.4.3 Verb: an absolute IRI id and an optional display language map. */
import { isAbsoluteIri } from './formats';
import { checkOptionalLanguageMap } from './language-map';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const VERB_KEYS: ReadonlySet<string> = new Set(['id', 'display']);

export function checkVerb(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be a Verb object with an id');
    return;
  }
  checkKeys(value, VERB_KEYS, path, report, 'a Verb');
  const idPath = propertyPath(path, 'id');
  if (value.id === undefined) report.add(idPath, 'is required');
  else if (isPresent(value.id) && !isAbsoluteIri(value.id)) {
    report.add(idPath, 'must be an absolute IRI');
  }
  checkOptionalLanguageMap(value, 'display', path, report);
}
