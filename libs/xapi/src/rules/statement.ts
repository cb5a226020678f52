/**
 * xAPI Data 2.4 Statement, the top level: only the properties the spec defines, id (UUID),
 * actor / verb / object required, result, context, timestamp, stored, authority, version (1.0.x
 * under 1.0.3; 1.0.x or 2.0.x under 2.0) and attachments. `stored` and `authority` are set by the
 * LRS, but what a client sends there must still be well-formed.
 */
import { checkActor, checkAuthority } from './actor';
import { checkOptionalAttachments } from './attachment';
import { checkOptionalContext } from './context';
import { isUuid } from './formats';
import { checkObject, checkRequired } from './object';
import { checkOptionalResult } from './result';
import { checkOptionalTimestamp } from './timestamp';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  propertyPath,
  type ValidationReport,
} from './validation-report';
import { checkVerb } from './verb';

const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
]);
const VERSION_1_0 = /^1\.0(?:\.\d+)?$/;
const VERSION_1_0_OR_2_0 = /^(?:1\.0(?:\.\d+)?|2\.0\.\d+)$/;

function checkVersion(value: unknown, path: string, report: ValidationReport): void {
  if (!isPresent(value)) return;
  const pattern = report.v2 ? VERSION_1_0_OR_2_0 : VERSION_1_0;
  if (typeof value !== 'string' || !pattern.test(value)) {
    report.add(
      propertyPath(path, 'version'),
      report.v2 ? "must be '1.0', '1.0.x' or '2.0.x'" : "must be '1.0' or '1.0.x'",
    );
  }
}

export function checkStatement(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be a JSON object (an xAPI statement)');
    return;
  }
  checkKeys(value, STATEMENT_KEYS, path, report, 'a Statement');
  if (isPresent(value.id) && !isUuid(value.id)) {
    report.add(propertyPath(path, 'id'), 'must be a UUID');
  }
  checkVersion(value.version, path, report);
  checkRequired(value, 'actor', path, report, checkActor);
  checkRequired(value, 'verb', path, report, checkVerb);
  checkRequired(value, 'object', path, report, checkObject);
  checkOptionalResult(value, path, report);
  checkOptionalContext(value, path, report);
  checkOptionalTimestamp(value, 'timestamp', path, report);
  checkOptionalTimestamp(value, 'stored', path, report);
  if (isPresent(value.authority)) {
    checkAuthority(value.authority, propertyPath(path, 'authority'), report);
  }
  checkOptionalAttachments(value, path, report);
}
