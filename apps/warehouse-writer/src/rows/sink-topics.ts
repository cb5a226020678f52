/** Which topic goes to which table, and how one record becomes a row. */
import { decodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import { TOPICS } from '@learnpulse/kafka';
import { attachmentRow, type KafkaRecordMeta } from './attachment.row';
import { learningEventRow } from './learning-event.row';
import { type KafkaPosition } from './row-mapping';
import { xapiStatementRow } from './xapi-statement.row';

export interface SinkTopic {
  topic: string;
  table: string;
  /** Throws when the record cannot be stored (bad bytes, unknown schema, invalid field). */
  toRow: (
    value: Buffer,
    position: KafkaPosition,
    record: KafkaRecordMeta,
  ) => Record<string, unknown>;
}

export const SINK_TOPICS: readonly SinkTopic[] = [
  {
    topic: TOPICS.learningEvents,
    table: 'learning_events',
    toRow: (value, position) => learningEventRow(learningEventCodec.decode(value), position),
  },
  {
    topic: TOPICS.xapiStatements,
    table: 'xapi_statements',
    toRow: (value, position) => xapiStatementRow(decodeStoredStatement(value), position),
  },
  {
    topic: TOPICS.xapiAttachments,
    table: 'xapi_attachments_ingest',
    toRow: (value, _position, record) => attachmentRow(value, record),
  },
];
