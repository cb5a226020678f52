/**
 * The learning.events.v1 value codec every producer and consumer of canonical events uses.
 */
import { type AvroCodec, createAvroCodec } from './avro-codec';
import { type LearningEvent } from './generated/learning-event.types';
import { LEARNING_EVENTS_SUBJECT, schemaCatalogue } from './schema-catalogue';

export const learningEventCodec: AvroCodec<LearningEvent> = createAvroCodec<LearningEvent>(
  schemaCatalogue,
  LEARNING_EVENTS_SUBJECT,
);
