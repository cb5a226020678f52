/** xAPI Data 5.2 (2.0) / 4.2 (1.0.3) Language Maps: keys are RFC 5646 language tags, values strings. */
import { isLanguageTag } from './formats';
import { isJsonObject, isPresent, propertyPath, type ValidationReport } from './validation-report';

export function checkLanguageMap(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be a language map (an object of language tag to string)');
    return;
  }
  for (const tag of Object.keys(value)) {
    const validTag = isLanguageTag(tag);
    const validValue = typeof value[tag] === 'string';
    // The path is built only for an error: this runs for every display and description.
    if (validTag && validValue) continue;
    const at = propertyPath(path, tag);
    if (!validTag) report.add(at, 'key must be an RFC 5646 language tag');
    if (!validValue) report.add(at, 'must be a string');
  }
}

/** Checks `parent[key]` as a language map when it is present. */
export function checkOptionalLanguageMap(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  report: ValidationReport,
): void {
  if (isPresent(parent[key])) checkLanguageMap(parent[key], propertyPath(path, key), report);
}
