/** A stored xAPI statement as an `xapi_statements` row (libs/clickhouse/migrations/0002, 0005). */
import { isStorableTime, toDateTime64 } from '@learnpulse/clickhouse';
import { type StoredStatementRecord } from '@learnpulse/events';
import { actorLearnerId, parseIsoTimestamp } from '@learnpulse/xapi';
import { type KafkaPosition, RowMappingError, UUID_PATTERN } from './row-mapping';
import { type StatementIndex, statementIndex } from './statement-index';

export interface XapiStatementRow extends Record<string, unknown>, StatementIndex {
  tenant: string;
  statement_id: string;
  verb_id: string;
  actor: string;
  object_id: string;
  registration: string | null;
  timestamp: string;
  stored: string;
  version: string;
  statement: string;
  kafka_partition: number;
  kafka_offset: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function time(field: string, value: unknown): number {
  const ms = parseIsoTimestamp(value);
  if (ms === null || !isStorableTime(ms)) {
    throw new RowMappingError(`${field} is not an ISO 8601 time in the years 1900-2299`);
  }
  return ms;
}

function objectId(object: Record<string, unknown>): string {
  switch (object.objectType) {
    case 'Agent':
    case 'Group':
      return actorLearnerId(object);
    case 'SubStatement':
      return '';
    default:
      if (typeof object.id !== 'string') throw new RowMappingError('statement object has no id');
      return object.id;
  }
}

function registrationOf(statement: Record<string, unknown>): string | null {
  const context = statement.context;
  if (!isObject(context) || context.registration === undefined) return null;
  const { registration } = context;
  if (typeof registration !== 'string' || !UUID_PATTERN.test(registration)) {
    throw new RowMappingError('context.registration is not a UUID');
  }
  return registration;
}

/**
 * The stored statement keeps what the LRS set (id, stored, authority, version): the column
 * `statement` is what GET /statements returns, so it must be complete on its own.
 */
function storedStatement(record: StoredStatementRecord): Record<string, unknown> {
  return {
    ...record.statement,
    id: record.statementId,
    stored: record.statement.stored ?? record.stored,
    authority: record.statement.authority ?? record.authority,
    version: record.statement.version ?? record.version,
  };
}

/** Throws RowMappingError for a statement ClickHouse could not store or the LRS could not query. */
export function xapiStatementRow(
  record: StoredStatementRecord,
  position: KafkaPosition,
): XapiStatementRow {
  const { statement } = record;
  const verb = statement.verb;
  if (!isObject(verb) || typeof verb.id !== 'string') {
    throw new RowMappingError('statement verb has no id');
  }
  if (!isObject(statement.actor)) throw new RowMappingError('statement has no actor');
  if (!isObject(statement.object)) throw new RowMappingError('statement has no object');
  const stored = time('stored', record.stored);
  const timestamp =
    statement.timestamp === undefined ? stored : time('statement.timestamp', statement.timestamp);
  const full = storedStatement(record);
  const index = statementIndex(full);
  if (index.statement_ref_id !== null && !UUID_PATTERN.test(index.statement_ref_id)) {
    throw new RowMappingError('StatementRef object id is not a UUID');
  }
  return {
    tenant: record.tenant,
    statement_id: record.statementId,
    verb_id: verb.id,
    actor: actorLearnerId(statement.actor),
    object_id: objectId(statement.object),
    registration: registrationOf(statement),
    timestamp: toDateTime64(timestamp),
    stored: toDateTime64(stored),
    version: record.version,
    statement: JSON.stringify(full),
    kafka_partition: position.partition,
    kafka_offset: position.offset,
    ...index,
  };
}
