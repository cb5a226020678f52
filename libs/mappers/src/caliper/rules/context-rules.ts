/**
 * `@context`: a Caliper event or entity names the JSON-LD context of its version — the base
 * context IRI or one of its profile-extension contexts, an inline context mapping terms to the
 * Caliper vocabulary, or an array of contexts (extension contexts next to a Caliper one).
 */
import {
  CALIPER_CONTEXTS,
  CALIPER_VOCABULARY_IRI,
  type CaliperVersion,
  versionOfContextIri,
} from '../caliper-version';
import { isIri } from './caliper-formats';
import { type CaliperReport, isJsonObject, itemPath } from './caliper-report';

function mapsToCaliperVocabulary(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(CALIPER_VOCABULARY_IRI);
  if (isJsonObject(value)) return Object.values(value).some(mapsToCaliperVocabulary);
  return false;
}

/** Errors for one context entry; true when it is a Caliper context of the report's version. */
function checkEntry(entry: unknown, path: string, report: CaliperReport): boolean {
  if (typeof entry === 'string') {
    const version = versionOfContextIri(entry);
    if (version === report.version) return true;
    if (version !== undefined) {
      report.add(path, `must be a Caliper ${report.version} context, not Caliper ${version}'s`);
    } else if (!isIri(entry)) {
      report.add(path, 'must be a context IRI or an inline context object');
    }
    return false;
  }
  if (isJsonObject(entry)) return mapsToCaliperVocabulary(entry);
  report.add(path, 'must be a context IRI or an inline context object');
  return false;
}

/** Checks an `@context` value at `path` under the report's version. */
export function checkContext(value: unknown, path: string, report: CaliperReport): void {
  const expected = `unknown context: must be (or include) ${CALIPER_CONTEXTS[report.version]}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      report.add(path, 'must not be an empty array');
      return;
    }
    const before = report.errors.length;
    const caliper = value.map((entry, i) => checkEntry(entry, itemPath(path, i), report));
    if (!caliper.includes(true) && report.errors.length === before) report.add(path, expected);
    return;
  }
  const before = report.errors.length;
  if (!checkEntry(value, path, report) && report.errors.length === before) {
    report.add(path, expected);
  }
}

/** The version a context value names (its first Caliper context), or undefined. */
export function contextVersion(value: unknown): CaliperVersion | undefined {
  const entries: unknown[] = Array.isArray(value) ? value : [value];
  for (const entry of entries) {
    const version = typeof entry === 'string' ? versionOfContextIri(entry) : undefined;
    if (version !== undefined) return version;
  }
  return undefined;
}
