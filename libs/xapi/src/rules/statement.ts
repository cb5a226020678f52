/**
 * xAPI 2.4 Statement, the top level: id (UUID), version, and the sections. `stored` and
 * `authority` are set by the LRS, so whatever a client sends there is accepted and overwritten.
 */
import { checkActor } from './actor';
import { checkOptionalContext } from './context';
import { isSupportedXapiVersion } from '../xapi-version';
import { isUuid } from './formats';
import { checkObject } from './object';
import { checkOptionalResult } from './result';
import { checkOptionalTimestamp } from './timestamp';
import { isJsonObject, propertyPath, type ValidationReport } from './validation-report';
import { checkVerb } from './verb';

export function checkStatement(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be a JSON object (an xAPI statement)');
    return;
  }
  if (value.id !== undefined && !isUuid(value.id)) {
    report.add(propertyPath(path, 'id'), 'must be a UUID');
  }
  if (value.version !== undefined && !isSupportedXapiVersion(value.version)) {
    report.add(propertyPath(path, 'version'), 'must be a 1.0.x or 2.0.x version string');
  }
  if (value.actor === undefined) report.add(propertyPath(path, 'actor'), 'is required');
  else checkActor(value.actor, propertyPath(path, 'actor'), report);
  if (value.verb === undefined) report.add(propertyPath(path, 'verb'), 'is required');
  else checkVerb(value.verb, propertyPath(path, 'verb'), report);
  if (value.object === undefined) report.add(propertyPath(path, 'object'), 'is required');
  else checkObject(value.object, propertyPath(path, 'object'), report);
  checkOptionalResult(value, path, report);
  checkOptionalContext(value, path, report);
  checkOptionalTimestamp(value, path, report);
}
