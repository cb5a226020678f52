/**
 * @learnpulse/events: the canonical event model and the value codecs of learnpulse's topics.
 */
export {
  EVENT_SOURCES,
  type EventSource,
  LEARNING_ACTIONS,
  type LearningAction,
  type LearningEvent,
  type Score,
} from './generated/learning-event.types';
export { learningEventCodec } from './learning-event.codec';
export {
  RISK_LEVELS,
  type RiskAssessment,
  type RiskLevel,
  type RiskReason,
} from './generated/risk-assessment.types';
export { RISK_ASSESSMENTS_SUBJECT, riskAssessmentCodec } from './risk-assessment.codec';
export { type AvroCodec, createAvroCodec } from './avro-codec';
export {
  createStaticCatalogue,
  LEARNING_EVENTS_SUBJECT,
  type SchemaCatalogue,
  type SchemaCatalogueEntry,
  schemaCatalogue,
  type StaticCatalogueEntry,
} from './schema-catalogue';
export { assertBackwardCompatible } from './compatibility';
export {
  frameWireFormat,
  unframeWireFormat,
  WIRE_FORMAT_HEADER_BYTES,
  WIRE_FORMAT_MAGIC_BYTE,
  type WireFormatFrame,
} from './wire-format';
export {
  SchemaCompatibilityError,
  SchemaDecodeError,
  SchemaEncodeError,
  type SchemaIssue,
} from './schema-errors';
export {
  decodeErasureNotice,
  encodeErasureNotice,
  type ErasureNotice,
  erasureNoticeKey,
  erasureNoticeSchema,
} from './erasure-notice';
export {
  decodeStoredStatement,
  encodeStoredStatement,
  encodeStoredStatementWithJson,
  type StoredStatementRecord,
  storedStatementSchema,
} from './stored-statement';
export {
  deriveEventId,
  LEARNPULSE_EVENT_ID_NAMESPACE,
  UUID_NAMESPACE_DNS,
  UUID_NAMESPACE_URL,
  uuidV5,
} from './event-id';
