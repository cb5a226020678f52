/**
 * Tells an event from an entity by content: a known event type is an event, a known entity type
 * an entity; an unknown or missing type is an event when it carries an event's own properties
 * (actor, action, eventTime), so its errors are reported against the event rules.
 */
import { ENTITY_CLASSES } from '../caliper-entity-types';
import { eventClass } from '../caliper-event-types';

export function isEventLike(value: Record<string, unknown>): boolean {
  const type = value.type;
  if (typeof type === 'string') {
    if (eventClass(type) !== undefined) return true;
    if (Object.hasOwn(ENTITY_CLASSES, type)) return false;
  }
  return 'actor' in value || 'action' in value || 'eventTime' in value;
}
