/**
 * The parts every edX statement shares: IRIs under the LMS root, the course parent activity,
 * the context extensions, number formatting, and assembling the statement with its id.
 */
import { type JsonObject, type JsonValue } from '../edx-event.types';
import { valueAt } from '../json-value';
import {
  type EdxXapiStatement,
  type StatementParts,
  type TransformInput,
  type XapiActivityJson,
  type XapiContextJson,
  type XapiVerbJson,
} from './edx-xapi.types';
import { edxStatementId } from './xapi-statement-id';
import { ACTIVITY, EN, EN_US, EXTENSION, XAPI_VERSION, type XapiVerbTerm } from './xapi-vocabulary';

export function verbOf(term: XapiVerbTerm): XapiVerbJson {
  return { id: term.id, display: { [EN]: term.display } };
}

/** `<root>/<kind>/<id>`, as event-routing-backends' get_object_iri. */
export function objectIri(input: TransformInput, kind: string, id: string): string {
  return `${input.rootUrl}/${kind}/${id}`;
}

/** Seconds as the float with 3 decimals edX reports; null for missing or non-numeric values. */
export function seconds3(value: JsonValue | undefined): number | null {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean')
    return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? Number(number.toFixed(3)) : null;
}

/**
 * A field as event-routing-backends' get_data reads it: '', false and empty lists or objects
 * count as missing (0 does not).
 */
export function edxValue(source: JsonObject, path: string): JsonValue | null {
  const value = valueAt(source, path);
  if (value === undefined || value === null || value === '' || value === false) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return null;
  return value;
}

/** Extensions without their null entries (tincan drops those; an empty map stays). */
export function extensions(entries: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/** The course as an activity, named by the lookup (its id when unknown). */
export function courseActivity(
  input: TransformInput,
  courseId: string,
  lang: string,
): XapiActivityJson {
  return {
    id: objectIri(input, 'course', courseId),
    objectType: 'Activity',
    definition: {
      type: ACTIVITY.course,
      name: { [lang]: input.courses.courseName(courseId) ?? courseId },
    },
  };
}

/** The course of context.course_id, the parent of every course-level statement. */
export function contextCourseId(input: TransformInput): string | null {
  const value = input.event.context.course_id;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function baseContextExtensions(input: TransformInput): JsonObject {
  return extensions({
    [EXTENSION.transformerVersion]: input.transformerVersion,
    [EXTENSION.sessionId]: input.event.sessionId,
  });
}

/** Context with the course as parent (when the event names one) and the shared extensions. */
export function baseContext(input: TransformInput, more: JsonObject = {}): XapiContextJson {
  const courseId = contextCourseId(input);
  const context: XapiContextJson = { extensions: { ...baseContextExtensions(input), ...more } };
  if (courseId !== null) {
    context.contextActivities = { parent: [courseActivity(input, courseId, EN_US)] };
  }
  return context;
}

/** The timestamp as Open edX writes it: as sent, `Z` spelled `+00:00`, no zone read as UTC. */
export function statementTimestamp(text: string): string {
  if (text.endsWith('Z')) return `${text.slice(0, -1)}+00:00`;
  return /[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}+00:00`;
}

export function assembleStatement(
  input: TransformInput,
  parts: StatementParts,
  childId?: string,
): EdxXapiStatement {
  // The id hashes the timestamp as the event sent it; the statement carries it re-serialised.
  const timestamp = statementTimestamp(input.event.timestampText);
  const statement: EdxXapiStatement = {
    id: edxStatementId(parts.verb, input.actor, input.event.timestampText, childId),
    actor: input.actor,
    verb: parts.verb,
    object: parts.object,
    context: parts.context,
    timestamp,
    version: XAPI_VERSION,
  };
  if (parts.result !== undefined) statement.result = parts.result;
  return statement;
}
