/** Which topic goes to which table, and how one record becomes a row. */
import { decodeStoredStatement, learningEventCodec, riskAssessmentCodec } from '@learnpulse/events';
import { TOPICS } from '@learnpulse/kafka';
import { attachmentRow, type KafkaRecordMeta } from './attachment.row';
import { learningEventRow } from './learning-event.row';
import { riskAssessmentRow } from './risk-assessment.row';
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
  /**
   * Columns of the row's stable id and of the time its copies share: the sink drops a row
   * whose id it already stored (re-sent as a new record). Absent where a copy is harmless.
   */
  identity?: { idColumn: string; timeColumn: string };
}

export const SINK_TOPICS: readonly SinkTopic[] = [
  {
    topic: TOPICS.learningEvents,
    table: 'learning_events',
    toRow: (value, position) => learningEventRow(learningEventCodec.decode(value), position),
    identity: { idColumn: 'event_id', timeColumn: 'occurred_at' },
  },
  {
    topic: TOPICS.xapiStatements,
    table: 'xapi_statements',
    toRow: (value, position) => xapiStatementRow(decodeStoredStatement(value), position),
    // stored, not timestamp: the table is partitioned and ordered by it, and a retried
    // statement is stored again within moments.
    identity: { idColumn: 'statement_id', timeColumn: 'stored' },
  },
  {
    topic: TOPICS.xapiAttachments,
    table: 'xapi_attachments_ingest',
    // Keyed by tenant and SHA-2 in a ReplacingMergeTree: the same content twice is one row.
    toRow: (value, _position, record) => attachmentRow(value, record),
  },
  {
    topic: TOPICS.learnerRisk,
    table: 'risk_assessments',
    toRow: (value, position) => riskAssessmentRow(riskAssessmentCodec.decode(value), position),
    identity: { idColumn: 'assessment_id', timeColumn: 'as_of' },
  },
];
