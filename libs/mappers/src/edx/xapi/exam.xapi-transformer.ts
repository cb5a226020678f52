/**
 * Special exams (timed, practice, proctored): an attempt created → "initialized", submitted →
 * "terminated"; the attempt itself is the grouping activity.
 */
import { textAt } from '../json-value';
import { type XapiTransformer } from './edx-xapi.types';
import {
  assembleStatement,
  baseContext,
  extensions,
  verbOf,
  edxValue,
} from './xapi-statement-base';
import { ACTIVITY, EN, EXTENSION, VERBS } from './xapi-vocabulary';

const EXAM_EVENT = /^edx\.special_exam\.(timed|practice|proctored)\.attempt\.(created|submitted)$/;

const EXAM_TYPES: Readonly<Record<string, string>> = {
  timed: ACTIVITY.timedAssessment,
  practice: ACTIVITY.practiceAssessment,
  proctored: ACTIVITY.proctoredAssessment,
};

export function isExamEvent(name: string): boolean {
  return EXAM_EVENT.test(name);
}

export const examTransformer: XapiTransformer = (input) => {
  const { data, name } = input.event;
  const match = EXAM_EVENT.exec(name);
  const examType = match?.[1] !== undefined ? EXAM_TYPES[match[1]] : undefined;
  const examId = textAt(data, 'exam_content_id');
  if (match === null || examType === undefined || examId === null) return null;
  const examName = textAt(data, 'exam_name') ?? input.courses.blockName(examId) ?? examId;
  const context = baseContext(input);
  const attemptCode = textAt(data, 'attempt_code');
  if (attemptCode !== null) {
    // The attempt code is not an IRI (xAPI wants one); kept as Open edX sends it.
    context.contextActivities = {
      ...context.contextActivities,
      grouping: [
        {
          id: attemptCode,
          objectType: 'Activity',
          definition: {
            name: { [EN]: examName },
            type: ACTIVITY.examAttempt,
            extensions: extensions({
              [EXTENSION.attemptStarted]: edxValue(data, 'attempt_started_at'),
              [EXTENSION.attemptCompleted]: edxValue(data, 'attempt_completed_at'),
              [EXTENSION.duration]: edxValue(data, 'attempt_event_elapsed_time_secs'),
              [EXTENSION.attemptId]: edxValue(data, 'attempt_id'),
            }),
          },
        },
      ],
    };
  }
  return assembleStatement(input, {
    verb: verbOf(match[2] === 'created' ? VERBS.initialized : VERBS.terminated),
    object: {
      id: examId,
      objectType: 'Activity',
      definition: {
        name: { [EN]: examName },
        type: examType,
        extensions: extensions({
          [EXTENSION.timeLimit]: edxValue(data, 'exam_default_time_limit_mins'),
        }),
      },
    },
    context,
  });
};
