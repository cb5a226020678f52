/**
 * @learnpulse/mappers: Open edX, Caliper, Moodle and CSV (OULAD) events mapped to the canonical
 * LearningEvent, and Open edX events to xAPI statements. Pure functions, no I/O.
 */
export type {
  CaliperDocumentKind,
  CaliperEntity,
  CaliperEntityRef,
  CaliperEnvelope,
  CaliperEvent,
  CaliperValidationError,
} from './caliper/caliper.types';
export { CALIPER_CONTEXTS, CALIPER_VERSIONS, type CaliperVersion } from './caliper/caliper-version';
export { type CaliperJsonResult, parseCaliperJson } from './caliper/caliper-json';
export {
  caliperDocumentKind,
  type CaliperDocumentReport,
  type CaliperPathOptions,
  validateCaliperDocument,
  validateCaliperEntity,
  validateCaliperEnvelope,
  validateCaliperEvent,
} from './caliper/validate-caliper';
export { actionForCaliperEvent } from './caliper/caliper-action-map';
export {
  caliperCourseId,
  caliperEventId,
  caliperLearnerId,
  type CaliperEnvelopeMapping,
  type CaliperMappingOptions,
  mapCaliperEnvelope,
  mapCaliperEventToLearningEvent,
} from './caliper/caliper-to-learning-event.mapper';
export {
  isMoodleStatement,
  learningEventOfStatement,
  MOODLE_INFO_EXTENSION,
  moodleEventName,
  moodleStatementToLearningEvent,
} from './moodle/moodle-statement-source';
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
export {
  edxEventRecords,
  type EdxRecordCounts,
  type EdxRecordOptions,
  type EdxRecords,
} from './edx/edx-event-records';
export { edxLearnerPseudonyms } from './edx/learner-pseudonym';
export {
  learnerPseudonym,
  learnerPseudonyms,
  type LearnerPseudonyms,
  PSEUDONYM_PATTERN,
  pseudonymiseLearningEvent,
  tenantLearnerPseudonyms,
} from './pseudonyms/learner-pseudonyms';
export type {
  CourseMetadataLookup,
  EdxXapiOptions,
  EdxXapiStatement,
} from './edx/xapi/edx-xapi.types';
export * from './oulad';
