/**
 * Maps an accepted xAPI statement to the canonical LearningEvent that risk-engine and the
 * warehouse read from learning.events.v1.
 */
import {
  deriveEventId,
  LEARNPULSE_EVENT_ID_NAMESPACE,
  type LearningEvent,
} from '@learnpulse/events';
import { actorLearnerId } from './learner-id';
import { parseIsoTimestamp } from './rules/formats';
import {
  type XapiActivity,
  type XapiContextActivityList,
  type XapiObject,
  type XapiScore,
  type XapiStatement,
} from './statement.types';
import { actionForVerb } from './verb-actions';

const COURSE_ACTIVITY_TYPES = new Set([
  'http://adlnet.gov/expapi/activities/course',
  'https://w3id.org/xapi/cmi5/activitytype/course', // what Moodle's xAPI plug-in sends
]);

function activities(list: XapiContextActivityList | undefined): XapiActivity[] {
  if (list === undefined) return [];
  return Array.isArray(list) ? list : [list];
}

function isCourse(activity: { definition?: { type?: unknown } }): boolean {
  const type = activity.definition?.type;
  return typeof type === 'string' && COURSE_ACTIVITY_TYPES.has(type);
}

function isActivityLike(object: XapiObject): object is XapiActivity {
  const type = object.objectType as string | undefined;
  return type !== 'Agent' && type !== 'Group' && type !== 'StatementRef' && type !== 'SubStatement';
}

/**
 * The course: a course-typed grouping or parent activity; else the object itself when it is a
 * course (enrolment statements); else the first parent; else none.
 */
export function statementCourseId(statement: XapiStatement): string | null {
  const context = statement.context?.contextActivities;
  const parents = activities(context?.parent);
  const course = [...activities(context?.grouping), ...parents].find(isCourse);
  if (course !== undefined) return course.id;
  if (isActivityLike(statement.object) && isCourse(statement.object)) return statement.object.id;
  return parents[0]?.id ?? null;
}

/** Last path segment of an activity type IRI: `…/activities/course` → `course`. */
function activityTypeName(type: unknown): string {
  if (typeof type !== 'string') return 'activity';
  const segments = type.split('/').filter((segment) => segment.length > 0);
  return segments.at(-1) ?? 'activity';
}

function describeObject(object: XapiObject): { objectId: string; objectType: string } {
  switch (object.objectType) {
    case 'Agent':
      return { objectId: actorLearnerId(object), objectType: 'agent' };
    case 'Group':
      return { objectId: actorLearnerId(object), objectType: 'group' };
    case 'StatementRef':
      return { objectId: object.id, objectType: 'statement-ref' };
    case 'SubStatement':
      return { objectId: describeObject(object.object).objectId, objectType: 'sub-statement' };
    default: {
      // objectType absent means Activity in an object (an Agent object must say 'Agent').
      const activity = object as XapiActivity;
      return { objectId: activity.id, objectType: activityTypeName(activity.definition?.type) };
    }
  }
}

function toScore(score: XapiScore | undefined): LearningEvent['score'] {
  if (score === undefined) return null;
  return {
    raw: score.raw ?? null,
    min: score.min ?? null,
    max: score.max ?? null,
    scaled: score.scaled ?? null,
  };
}

/** JSON with object keys sorted, so the same statement always hashes to the same id. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * The event id: the statement id (lower-cased, as UUIDs compare case-insensitively), or for a
 * statement that has none yet a UUIDv5 of its content, so re-sending it deduplicates.
 */
export function statementEventId(tenant: string, statement: XapiStatement): string {
  if (statement.id !== undefined) return statement.id.toLowerCase();
  return deriveEventId(LEARNPULSE_EVENT_ID_NAMESPACE, ['xapi', tenant, canonicalJson(statement)]);
}

/**
 * Expects a statement that passed `validateStatementShape` (normalised or not). The payload is
 * `statementJson` when the caller serialised the statement already (it must be
 * JSON.stringify(statement)), so the write path serialises each statement once.
 */
export function statementToLearningEvent(
  tenant: string,
  statement: XapiStatement,
  receivedAt: number,
  statementJson?: string,
): LearningEvent {
  const occurredAt =
    parseIsoTimestamp(statement.timestamp) ?? parseIsoTimestamp(statement.stored) ?? receivedAt;
  return {
    eventId: statementEventId(tenant, statement),
    tenant,
    source: 'xapi',
    learnerId: actorLearnerId(statement.actor),
    learnerAnonymous: false, // an xAPI actor always identifies someone (an IFI is required)
    courseId: statementCourseId(statement),
    ...describeObject(statement.object),
    action: actionForVerb(statement.verb.id),
    score: toScore(statement.result?.score),
    occurredAt,
    receivedAt,
    payload: statementJson ?? JSON.stringify(statement),
  };
}
