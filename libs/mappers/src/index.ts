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
  MOODLE_INFO_EXTENSION,
  moodleEventName,
  moodleStatementToLearningEvent,
} from './moodle/moodle-statement-source';
