/**
 * Problem events other than problem_check: graded submissions, shown answers, hints and
 * problem completion.
 */
import { type JsonValue } from '../edx-event.types';
import { numberAt, textAt } from '../json-value';
import { type XapiTransformer } from './edx-xapi.types';
import { assembleStatement, baseContext, objectIri, verbOf } from './xapi-statement-base';
import { ACTIVITY, VERBS } from './xapi-vocabulary';

/** earned / possible with event-routing-backends' guard: a maximum of 0 scales to 0. */
export function weightedScore(earned: number, possible: number): Record<string, JsonValue> {
  return { min: 0, max: possible, raw: earned, scaled: possible > 0 ? earned / possible : 0 };
}

export const problemSubmittedTransformer: XapiTransformer = (input) => {
  const { data } = input.event;
  const problemId = textAt(data, 'problem_id') ?? textAt(data, 'module_id');
  if (problemId === null) return null;
  const possible = numberAt(data, 'weighted_possible') ?? 0;
  const earned = numberAt(data, 'weighted_earned') ?? 0;
  return assembleStatement(input, {
    verb: verbOf(VERBS.attempted),
    object: {
      id: objectIri(input, 'xblock', problemId),
      objectType: 'Activity',
      definition: { type: ACTIVITY.question },
    },
    result: { success: earned >= possible, score: weightedScore(earned, possible) },
    context: baseContext(input),
  });
};

export const showAnswerTransformer: XapiTransformer = (input) => {
  const problemId = textAt(input.event.data, 'problem_id');
  if (problemId === null) return null;
  return assembleStatement(input, {
    verb: verbOf(VERBS.asked),
    object: {
      id: `${objectIri(input, 'xblock', problemId)}/answer`,
      objectType: 'Activity',
      definition: { type: ACTIVITY.solution },
    },
    context: baseContext(input),
  });
};

export const hintDisplayedTransformer: XapiTransformer = (input) => {
  const moduleId = textAt(input.event.data, 'module_id');
  const hintIndex = textAt(input.event.data, 'hint_index');
  if (moduleId === null || hintIndex === null) return null;
  return assembleStatement(input, {
    verb: verbOf(VERBS.asked),
    object: {
      id: `${objectIri(input, 'xblock', moduleId)}/hint/${hintIndex}`,
      objectType: 'Activity',
      definition: { type: ACTIVITY.supplementalInfo },
    },
    context: baseContext(input),
  });
};

export const problemCompletedTransformer: XapiTransformer = (input) => {
  const problemId = textAt(input.event.data, 'problem_id') ?? textAt(input.event.data, 'module_id');
  if (problemId === null) return null;
  return assembleStatement(input, {
    verb: verbOf(VERBS.completed),
    object: {
      // Open edX sends the usage key itself here, not an xblock IRI.
      id: problemId,
      objectType: 'Activity',
      definition: { type: ACTIVITY.interaction },
    },
    context: baseContext(input),
  });
};
