/**
 * @learnpulse/gdpr: erase and export a learner across the warehouse (every table with tenant
 * and learner_id, the rollups that mix learners, the xAPI statement store), with Kafka
 * tombstones for learner-keyed state and an audit trail.
 */
export {
  ErasurePlanError,
  planErasure,
  type ErasurePlan,
  type RollupRecompute,
  STATEMENT_STORE,
  ATTACHMENT_STORE,
} from './erasure-plan';
export { GDPR_AUDIT_TABLE, type GdprChannel, type GdprRequester } from './gdpr-audit';
export { eraseLearnerRows, type ErasureCounts, type RollupRecount } from './learner-erasure';
export {
  LEARNER_EXPORT_FORMAT,
  type ExportedAttachment,
  type LearnerExport,
} from './learner-export';
export {
  type ErasureReport,
  type ExportReport,
  LearnerPrivacy,
  type LearnerPrivacyDeps,
} from './learner-privacy.service';
export {
  GdprRequestError,
  LEARNER_FORMS,
  learnerIdsOf,
  type LearnerReference,
  type LearnerSubject,
  parseLearnerReference,
  subjectOfIdentities,
} from './learner-subject';
export {
  eraseLearnerOnKafka,
  KAFKA_ERASURE_TOPICS,
  type KafkaErasureTopics,
  LEARNER_STATE_TOPICS,
  LEARNER_VALUE_TOPICS,
  type TombstoneOutcome,
} from './learner-tombstones';
export { MutationError } from './mutation-wait';
export { readCatalogue, type WarehouseCatalogue } from './warehouse-catalogue';
