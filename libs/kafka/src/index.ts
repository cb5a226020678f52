export { TOPICS, TOPIC_SPECS } from './topics';
export type { TopicConfigEntry, TopicName, TopicSpec } from './topics';
export {
  connectionSettingsOf,
  createKafka,
  createKafkaFrom,
  kafkajsLevelFor,
  kafkajsLogEntry,
  pinoLogCreator,
} from './create-kafka';
export type { KafkaConnectionSettings, KafkajsLogLevelName } from './create-kafka';
export { ensureTopics, toTopicConfig } from './ensure-topics';
export type { EnsureTopicsOptions, EnsureTopicsResult } from './ensure-topics';
export {
  ProduceTimeoutError,
  ProducerClosedError,
  ReliableProducer,
  chunksOf,
  toProduceMessages,
} from './reliable-producer';
export type { ProducerMessage, ProducerRecord, ReliableProducerOptions } from './reliable-producer';
export { checkKafka, KafkaUnavailableError } from './check-kafka';
export { kafkaProviders, kafkaReadinessCheck } from './kafka-providers';
export type { KafkaProvidersOptions } from './kafka-providers';
export { patchKafkajsRequestQueue } from './request-queue.patch';
export { registerZstdCodec, zstdCodec } from './zstd-codec';
export { learningEventRecords } from './learning-event-records';
export { CompactedTopicReader } from './compacted-topic-reader';
export type { CompactedTopicReaderOptions, CompactedTopicRecord } from './compacted-topic-reader';
export { type TombstoneBatch, TombstoneWriter } from './tombstone-writer';
export { TopicTail, type TopicTailOptions } from './topic-tail';
export { javaCompatiblePartitioner, murmur2 } from './java-partitioner';
export { errorHeaderText, failedRecordMessage } from './dead-letter-message';
export type { FailedRecord } from './dead-letter-message';
export {
  fetchSettledTopicOffsets,
  isTopicSettlingError,
  onceTopicsSettle,
} from './topic-readiness';
