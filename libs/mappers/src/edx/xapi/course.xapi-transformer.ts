/**
 * Course-level events: enrolment (registered / unregistered, with the mode) and course
 * pass / fail / completion. Their object is the course itself, so the context names no parent.
 */
import { type XapiTransformer } from './edx-xapi.types';
import { edxValue } from './xapi-statement-base';
import {
  assembleStatement,
  baseContextExtensions,
  extensions,
  objectIri,
  verbOf,
} from './xapi-statement-base';
import { ACTIVITY, EN, EXTENSION, VERBS, type XapiVerbTerm } from './xapi-vocabulary';

const VERB_BY_NAME: Readonly<Record<string, XapiVerbTerm>> = {
  'edx.course.enrollment.activated': VERBS.registered,
  'edx.course.enrollment.mode_changed': VERBS.registered,
  'edx.course.enrollment.deactivated': VERBS.unregistered,
  'edx.course.grade.passed.first_time': VERBS.passed,
  'edx.course.grade.now_passed': VERBS.passed,
  'edx.course.grade.now_failed': VERBS.failed,
  'edx.course.completed': VERBS.completed,
};

export const COURSE_EVENT_NAMES: readonly string[] = Object.keys(VERB_BY_NAME);

export const courseTransformer: XapiTransformer = (input) => {
  const verb = VERB_BY_NAME[input.event.name];
  const courseId = input.event.rawCourseId;
  if (verb === undefined || courseId === null) return null;
  return assembleStatement(input, {
    verb: verbOf(verb),
    object: {
      id: objectIri(input, 'course', courseId),
      objectType: 'Activity',
      definition: {
        type: ACTIVITY.course,
        name: { [EN]: input.courses.courseName(courseId) ?? courseId },
        extensions: extensions({ [EXTENSION.mode]: edxValue(input.event.data, 'mode') }),
      },
    },
    context: { extensions: baseContextExtensions(input) },
  });
};
