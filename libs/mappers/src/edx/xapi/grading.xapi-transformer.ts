/**
 * Grade calculations (subsection and course) and completion / progress events → "earned" and
 * "progressed" statements.
 */
import { numberAt, textAt } from '../json-value';
import { type XapiTransformer } from './edx-xapi.types';
import {
  assembleStatement,
  baseContext,
  extensions,
  objectIri,
  verbOf,
} from './xapi-statement-base';
import { weightedScore } from './problem.xapi-transformer';
import { ACTIVITY, EN, EXTENSION, VERBS } from './xapi-vocabulary';

export const subsectionGradedTransformer: XapiTransformer = (input) => {
  const { data } = input.event;
  const blockId = textAt(data, 'block_id');
  if (blockId === null) return null;
  const possible = numberAt(data, 'weighted_total_possible') ?? 0;
  const earned = numberAt(data, 'weighted_total_earned') ?? 0;
  return assembleStatement(input, {
    verb: verbOf(VERBS.earned),
    object: {
      id: objectIri(input, 'xblock', blockId),
      objectType: 'Activity',
      definition: { type: ACTIVITY.resource },
    },
    result: { success: earned >= possible, score: weightedScore(earned, possible) },
    context: baseContext(input),
  });
};

export const courseGradedTransformer: XapiTransformer = (input) => {
  const courseId = input.event.rawCourseId;
  if (courseId === null) return null;
  const percent = numberAt(input.event.data, 'percent_grade') ?? 0;
  return assembleStatement(input, {
    verb: verbOf(VERBS.earned),
    object: {
      id: objectIri(input, 'course', courseId),
      objectType: 'Activity',
      definition: {
        type: ACTIVITY.course,
        name: { [EN]: input.courses.courseName(courseId) ?? courseId },
      },
    },
    result: {
      score: { min: 0, max: 1, raw: percent, scaled: percent },
      extensions: {
        [EXTENSION.gradeClassification]: textAt(input.event.data, 'letter_grade') ?? 'Fail',
      },
    },
    context: baseContext(input),
  });
};

export const blockCompletionTransformer: XapiTransformer = (input) => {
  const blockId = textAt(input.event.data, 'block_id');
  const completion = numberAt(input.event.data, 'completion');
  if (blockId === null || completion === null) return null;
  return assembleStatement(input, {
    verb: verbOf(VERBS.progressed),
    object: {
      id: objectIri(input, 'xblock', blockId),
      objectType: 'Activity',
      definition: { type: ACTIVITY.resource },
    },
    result: {
      completion: completion === 1,
      extensions: extensions({ [EXTENSION.progress]: completion * 100 }),
    },
    context: baseContext(input),
  });
};

/** completion-aggregator progress of a chapter, sequential, vertical or the whole course. */
export const aggregatedProgressTransformer: XapiTransformer = (input) => {
  const blockId = textAt(input.event.data, 'block_id');
  if (blockId === null) return null;
  const percent = numberAt(input.event.data, 'percent') ?? 0;
  const type = input.event.name.endsWith('.course') ? ACTIVITY.course : ACTIVITY.module;
  return assembleStatement(input, {
    verb: verbOf(VERBS.progressed),
    object: {
      id: objectIri(input, 'xblock', blockId),
      objectType: 'Activity',
      definition: { type },
    },
    result: { completion: percent === 1, score: { scaled: percent } },
    context: baseContext(input),
  });
};
