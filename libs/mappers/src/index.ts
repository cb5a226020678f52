/**
 * @learnpulse/mappers: Open edX, Caliper, Moodle and CSV (OULAD) events mapped to the canonical
 * LearningEvent, and Open edX events to xAPI statements. Pure functions, no I/O.
 */
export { parseEdxEvent, parseEdxEventLine } from './edx/edx-event';
export type {
  EdxEvent,
  EdxParseError,
  EdxParseResult,
  JsonObject,
  JsonValue,
} from './edx/edx-event.types';
export { canonicalCourseKey, courseKeyInPath } from './edx/edx-course-key';
export { actionForEdxEvent, type ActionMatch } from './edx/edx-actions';
export { edxLearnerKey, type LearnerIdentifierProvider } from './edx/learner-identifier';
export {
  edxEventId,
  mapEdxEventToLearningEvent,
  type EdxLearningEventOptions,
  type EdxLearningEventResult,
} from './edx/edx-to-learning-event.mapper';
export { mapEdxEventToXapi, NO_COURSE_METADATA } from './edx/edx-to-xapi.mapper';
export type {
  CourseMetadataLookup,
  EdxXapiOptions,
  EdxXapiStatement,
} from './edx/xapi/edx-xapi.types';
