/**
 * problem_check → xAPI. A browser check says only that the learner attempted the problem; a
 * server check is evaluated with its score; a check of several questions becomes a
 * GroupActivity statement plus one statement per question that references it.
 */
import { blockIdFromReferrer, problemKeyFromAnswers } from '../edx-block-key';
import { type JsonObject, type JsonValue } from '../edx-event.types';
import { isJsonObject, numberAt, textAt, valueAt } from '../json-value';
import {
  type EdxXapiStatement,
  type TransformInput,
  type XapiActivityJson,
  type XapiTransformer,
} from './edx-xapi.types';
import { pythonJsonDumps, pythonRepr } from './python-json';
import {
  assembleStatement,
  baseContext,
  baseContextExtensions,
  contextCourseId,
  courseActivity,
  objectIri,
  verbOf,
} from './xapi-statement-base';
import { ACTIVITY, EN_US, EXTENSION, VERBS } from './xapi-vocabulary';

/** Open edX response types → xAPI interaction types ('other' for anything else). */
const INTERACTION_TYPES: Readonly<Record<string, string>> = {
  choiceresponse: 'choice',
  multiplechoiceresponse: 'choice',
  numericalresponse: 'numeric',
  stringresponse: 'fill-in',
  customresponse: 'other',
  coderesponse: 'other',
  externalresponse: 'other',
  formularesponse: 'fill-in',
  schematicresponse: 'other',
  imageresponse: 'matching',
  annotationresponse: 'fill-in',
  choicetextresponse: 'choice',
  optionresponse: 'choice',
  symbolicresponse: 'fill-in',
  truefalseresponse: 'true-false',
};

function interactionType(responseType: JsonValue | undefined): string {
  return typeof responseType === 'string' ? (INTERACTION_TYPES[responseType] ?? 'other') : 'other';
}

function submissions(input: TransformInput): [string, JsonObject][] {
  const value = valueAt(input.event.data, 'submission');
  if (!isJsonObject(value)) return [];
  return Object.entries(value).flatMap(([id, sub]) => (isJsonObject(sub) ? [[id, sub]] : []));
}

/** The first submission that names its response type (event-routing-backends reads that one). */
function firstTypedSubmission(input: TransformInput): JsonObject | null {
  const found = submissions(input).find(
    ([, sub]) => typeof sub.response_type === 'string' && sub.response_type !== '',
  );
  return found?.[1] ?? null;
}

function isBrowser(input: TransformInput): boolean {
  return input.event.eventSource === 'browser';
}

function problemKey(input: TransformInput): string | null {
  const { event } = input;
  if (isBrowser(input)) {
    const referrer = textAt(event.raw, 'referer') ?? textAt(event.context, 'referer');
    return (
      blockIdFromReferrer(referrer) ?? problemKeyFromAnswers(event.dataText, contextCourseId(input))
    );
  }
  return (
    textAt(event.data, 'problem_id') ??
    textAt(event.data, 'module_id') ??
    textAt(event.context, 'module.usage_key')
  );
}

function displayName(input: TransformInput, key: string | null): string | null {
  return (
    textAt(input.event.context, 'module.display_name') ??
    textAt(input.event.data, 'display_name') ??
    (key !== null ? (input.courses.blockName(key) ?? null) : null)
  );
}

/** The response text: strings as they are, lists as JSON (non-ASCII kept), as Open edX does. */
function responseText(answer: JsonValue | undefined): string | undefined {
  if (answer === undefined || answer === null) return undefined;
  if (typeof answer === 'string') return answer;
  if (Array.isArray(answer)) return pythonJsonDumps(answer, false);
  if (isJsonObject(answer) && Object.keys(answer).length === 0) return undefined;
  // A dict of answers reaches Open edX's Result as Python's str() of it.
  return pythonRepr(answer);
}

function singleDefinition(input: TransformInput, key: string | null): JsonObject {
  const definition: JsonObject = { type: ACTIVITY.interaction };
  const attempts = valueAt(input.event.data, 'attempts');
  if (attempts !== undefined && attempts !== null && attempts !== 0 && attempts !== '') {
    definition.extensions = { [EXTENSION.attemptId]: attempts };
  }
  const submission = firstTypedSubmission(input);
  if (submission !== null) {
    definition.description = {
      [EN_US]: typeof submission.question === 'string' ? submission.question : '',
    };
    definition.interactionType = interactionType(submission.response_type);
  } else {
    const name = displayName(input, key);
    if (name !== null) definition.name = { [EN_US]: name };
    definition.interactionType = interactionType(valueAt(input.event.data, 'response_type'));
  }
  return definition;
}

function groupDefinition(input: TransformInput, key: string | null): JsonObject {
  const definition: JsonObject = { type: ACTIVITY.interaction };
  const name = displayName(input, key);
  if (name !== null) definition.name = { [EN_US]: name };
  definition.interactionType = 'other';
  return definition;
}

function parentResult(input: TransformInput, withResponse: boolean): JsonObject | undefined {
  if (isBrowser(input)) return undefined;
  const { data } = input.event;
  const submission = firstTypedSubmission(input);
  const response = submission !== null ? submission.answer : valueAt(data, 'answers');
  const success =
    submission !== null ? submission.correct === true : textAt(data, 'success') === 'correct';
  const max = numberAt(data, 'max_grade');
  const grade = numberAt(data, 'grade');
  const score: JsonObject = { min: 0 };
  if (max !== null) score.max = max;
  if (grade !== null) score.raw = grade;
  if (max !== null && grade !== null) score.scaled = max > 0 ? grade / max : 0;
  const result: JsonObject = { success, score };
  const text = withResponse ? responseText(response) : undefined;
  if (text !== undefined) result.response = text;
  return result;
}

function childStatement(
  input: TransformInput,
  parent: EdxXapiStatement,
  key: string,
  childId: string,
  submission: JsonObject,
): EdxXapiStatement {
  const courseId = contextCourseId(input);
  const grouping: XapiActivityJson[] =
    courseId !== null ? [courseActivity(input, courseId, EN_US)] : [];
  const childKey = [...key.split('@').slice(0, -1), childId].join('@');
  const result: JsonObject = { success: submission.correct === true };
  const response = responseText(submission.answer);
  if (response !== undefined) result.response = response;
  return assembleStatement(
    input,
    {
      verb: parent.verb,
      object: {
        id: objectIri(input, 'xblock', childKey),
        objectType: 'Activity',
        definition: {
          type: ACTIVITY.interaction,
          description: {
            [EN_US]: typeof submission.question === 'string' ? submission.question : '',
          },
          interactionType: interactionType(submission.response_type),
        },
      },
      result,
      context: {
        contextActivities: {
          parent: [parent.object],
          ...(grouping.length > 0 ? { grouping } : {}),
        },
        statement: { objectType: 'StatementRef', id: parent.id },
        extensions: baseContextExtensions(input),
      },
    },
    childId,
  );
}

export const problemCheckTransformer: XapiTransformer = (input) => {
  const key = problemKey(input);
  const children = isBrowser(input) ? [] : submissions(input);
  const verb = verbOf(isBrowser(input) ? VERBS.attempted : VERBS.evaluated);
  const iri = key !== null ? objectIri(input, 'xblock', key) : undefined;
  const grouped = children.length > 1 && key !== null;
  const object: XapiActivityJson = grouped
    ? {
        id: objectIri(input, 'xblock', key),
        objectType: 'GroupActivity',
        definition: groupDefinition(input, key),
      }
    : {
        ...(iri !== undefined ? { id: iri } : {}),
        objectType: 'Activity',
        definition: singleDefinition(input, key),
      };
  const parent = assembleStatement(input, {
    verb,
    object,
    result: parentResult(input, !grouped),
    context: baseContext(input),
  });
  if (!grouped) return parent;
  return [
    parent,
    ...children.map(([childId, sub]) => childStatement(input, parent, key, childId, sub)),
  ];
};
