/**
 * Maps a validated Caliper event (or every event of a validated envelope) to the canonical
 * LearningEvent that risk-engine and the warehouse read from learning.events.v1.
 */
import { type LearningEvent } from '@learnpulse/events';
import { type CaliperEntityRef, type CaliperEnvelope, type CaliperEvent } from './caliper.types';
import { actionForCaliperEvent } from './caliper-action-map';
import { isEventLike } from './rules/data-item-kind';
import { isJsonObject } from './rules/caliper-report';

export interface CaliperMappingOptions {
  readonly tenant: string;
  /** When learnpulse accepted the event, epoch ms. */
  readonly receivedAt: number;
}

const COURSE_TYPES = new Set(['CourseOffering', 'CourseSection']);

function refId(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref;
  return isJsonObject(ref) && typeof ref.id === 'string' ? ref.id : undefined;
}

function refType(ref: unknown): string {
  return isJsonObject(ref) && typeof ref.type === 'string' ? ref.type : 'Entity';
}

/**
 * The course: the group when it is a CourseSection or CourseOffering (or only an IRI, which the
 * sensor sends for the course context it already described); otherwise the first course among
 * the organisations it is a sub-organisation of; else none.
 */
export function caliperCourseId(group: CaliperEntityRef | undefined): string | null {
  let current: unknown = group;
  for (let depth = 0; depth < 8 && current !== undefined; depth += 1) {
    if (typeof current === 'string') return current;
    if (!isJsonObject(current)) return null;
    if (COURSE_TYPES.has(refType(current))) return refId(current) ?? null;
    current = current.subOrganizationOf;
  }
  return null;
}

/**
 * The learner: the actor, except where the actor acts on a learner's behalf — a GradeEvent's
 * grader (the learner is the Attempt's assignee) and a SessionEvent TimedOut's application (the
 * learner is the Session's user).
 */
export function caliperLearnerId(event: CaliperEvent): string {
  const object: unknown = event.object;
  if (isJsonObject(object)) {
    const behalf =
      event.type === 'GradeEvent'
        ? object.assignee
        : event.action === 'TimedOut'
          ? object.user
          : undefined;
    const learner = refId(behalf);
    if (learner !== undefined) return learner;
  }
  return refId(event.actor) ?? '';
}

/** The object acted on; for an Attempt (GradeEvent) the assigned resource it is an attempt at. */
function describeObject(object: CaliperEntityRef): { objectId: string; objectType: string } {
  if (isJsonObject(object) && object.type === 'Attempt' && refId(object.assignable) !== undefined) {
    return { objectId: refId(object.assignable) ?? '', objectType: refType(object.assignable) };
  }
  return { objectId: refId(object) ?? '', objectType: refType(object) };
}

/** The score a GradeEvent generated: Score (scoreGiven / maxScore) or Result (resultScore). */
function describeScore(generated: CaliperEntityRef | undefined): LearningEvent['score'] {
  if (!isJsonObject(generated)) return null;
  const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);
  const raw = number(generated.scoreGiven) ?? number(generated.resultScore);
  const max = number(generated.maxScore) ?? number(generated.maxResultScore);
  if (raw === null && max === null) return null;
  const scaled = raw !== null && max !== null && max > 0 ? raw / max : null;
  return { raw, min: null, max, scaled };
}

/** The Caliper event id (`urn:uuid:<UUID>`) as a lower-case UUID, so re-sends deduplicate. */
export function caliperEventId(event: CaliperEvent): string {
  return event.id.replace(/^urn:uuid:/i, '').toLowerCase();
}

/** Expects an event that passed `validateCaliperEvent`. */
export function mapCaliperEventToLearningEvent(
  event: CaliperEvent,
  options: CaliperMappingOptions,
): LearningEvent {
  const occurredAt = Date.parse(event.eventTime);
  return {
    eventId: caliperEventId(event),
    tenant: options.tenant,
    source: 'caliper',
    learnerId: caliperLearnerId(event),
    // A Caliper actor is required and identified by an IRI: never anonymous.
    learnerAnonymous: false,
    courseId: caliperCourseId(event.group),
    ...describeObject(event.object),
    action: actionForCaliperEvent(event.type, event.action),
    score: describeScore(event.generated),
    occurredAt: Number.isNaN(occurredAt) ? options.receivedAt : occurredAt,
    receivedAt: options.receivedAt,
    payload: JSON.stringify(event),
  };
}

export interface CaliperEnvelopeMapping {
  readonly events: LearningEvent[];
  /**
   * Data items that are entities (objects or IRIs): a sensor sends them to describe things, not
   * learner actions, so they become no LearningEvent; the count lets the gateway report them.
   */
  readonly entities: number;
}

/** Expects an envelope that passed `validateCaliperEnvelope`. */
export function mapCaliperEnvelope(
  body: CaliperEnvelope,
  options: CaliperMappingOptions,
): CaliperEnvelopeMapping {
  const events: LearningEvent[] = [];
  let entities = 0;
  for (const item of body.data) {
    if (isJsonObject(item) && isEventLike(item)) {
      events.push(mapCaliperEventToLearningEvent(item as CaliperEvent, options));
    } else {
      entities += 1;
    }
  }
  return { events, entities };
}
