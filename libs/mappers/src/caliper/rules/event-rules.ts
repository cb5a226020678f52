/**
 * Events: `id` a `urn:uuid:` UUID, `type` a known event type, `profile` a known profile, the
 * required `actor`, `action` and `object`, `eventTime`, and the entity types the event's table
 * allows for actor, object, target, generated, referrer and the context properties (edApp, group,
 * membership, session, federatedSession); `extensions` an object.
 */
import { eventClass } from '../caliper-event-types';
import { CALIPER_ACTIONS, CALIPER_PROFILES } from '../caliper-vocabulary';
import { isDateTime, isUuidUrn } from './caliper-formats';
import { type CaliperReport, isJsonObject, propertyPath } from './caliper-report';
import { checkContext } from './context-rules';
import { checkEntityRef, type EntityCheckOptions } from './entity-rules';

/** Context properties every event type may carry, and the entity type each must be. */
const CONTEXT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  edApp: ['SoftwareApplication'],
  group: ['Organization'],
  membership: ['Membership'],
  session: ['Session'],
  federatedSession: ['LtiSession'],
};

function checkRequired(
  event: Record<string, unknown>,
  name: string,
  path: string,
  report: CaliperReport,
): boolean {
  if (event[name] === undefined) report.add(propertyPath(path, name), 'required');
  else if (event[name] === null) report.add(propertyPath(path, name), 'required, must not be null');
  else return true;
  return false;
}

export function checkEvent(
  event: Record<string, unknown>,
  path: string,
  report: CaliperReport,
  options: EntityCheckOptions,
): void {
  if ('@context' in event) checkContext(event['@context'], propertyPath(path, '@context'), report);
  else if (options.topLevel) report.add(propertyPath(path, '@context'), 'required');

  if (checkRequired(event, 'id', path, report) && !isUuidUrn(event.id)) {
    report.add(propertyPath(path, 'id'), 'must be a UUID URN (urn:uuid:<UUID>)');
  }
  const type = event.type;
  const rules = typeof type === 'string' ? eventClass(type) : undefined;
  if (checkRequired(event, 'type', path, report) && rules === undefined) {
    report.add(propertyPath(path, 'type'), `unknown event type: ${JSON.stringify(type)}`);
  }
  if (event.profile !== undefined && event.profile !== null) {
    if (typeof event.profile !== 'string' || !CALIPER_PROFILES.has(event.profile)) {
      report.add(
        propertyPath(path, 'profile'),
        `unknown profile: ${JSON.stringify(event.profile)}`,
      );
    }
  }

  const action = event.action;
  if (checkRequired(event, 'action', path, report)) {
    if (typeof action !== 'string' || !CALIPER_ACTIONS.has(action)) {
      report.add(propertyPath(path, 'action'), `unknown action: ${JSON.stringify(action)}`);
    } else if (rules !== undefined && !rules.actions.has(action)) {
      report.add(
        propertyPath(path, 'action'),
        `not an action of ${String(type)} (allowed: ${[...rules.actions].join(', ')})`,
      );
    }
  }
  const perAction = typeof action === 'string' ? rules?.byAction?.[action] : undefined;
  if (checkRequired(event, 'actor', path, report)) {
    const expected = perAction?.actor ?? rules?.actor ?? ['Agent'];
    checkEntityRef(event.actor, expected, propertyPath(path, 'actor'), report);
  }
  if (checkRequired(event, 'object', path, report)) {
    const expected = perAction?.object ?? rules?.object ?? ['Entity'];
    checkEntityRef(event.object, expected, propertyPath(path, 'object'), report);
  }
  if (checkRequired(event, 'eventTime', path, report) && !isDateTime(event.eventTime)) {
    report.add(propertyPath(path, 'eventTime'), 'must be an ISO 8601 date and time with a zone');
  }

  for (const name of rules?.required ?? []) checkRequired(event, name, path, report);
  const related: [string, readonly string[] | undefined][] = [
    ['target', rules?.target],
    ['generated', perAction?.generated ?? rules?.generated],
    ['referrer', rules?.referrer],
  ];
  // JSON-LD reads null as "no value": an optional property set to null is simply absent.
  for (const [name, expected] of related) {
    if (event[name] !== undefined && event[name] !== null) {
      checkEntityRef(event[name], expected ?? ['Entity'], propertyPath(path, name), report);
    }
  }
  for (const [name, expected] of Object.entries(CONTEXT_PROPERTIES)) {
    if (event[name] !== undefined && event[name] !== null) {
      checkEntityRef(event[name], expected, propertyPath(path, name), report);
    }
  }
  if (
    event.extensions !== undefined &&
    event.extensions !== null &&
    !isJsonObject(event.extensions)
  ) {
    report.add(propertyPath(path, 'extensions'), 'must be an object');
  }
}
