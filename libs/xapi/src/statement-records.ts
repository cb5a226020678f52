/**
 * The Kafka records of accepted statements: each statement once on xapi.statements.v1 (the LRS
 * store, keyed tenant:statementId) and once as a LearningEvent on learning.events.v1 (keyed
 * tenant:learnerId, so one learner's events stay in order). The LRS and the bulk importer both
 * write exactly these records, so an imported statement is indistinguishable from a POSTed one.
 * A source that writes its own LearningEvents (the edX gateway maps the edX event itself) takes
 * only the stored-statement part, so the event is not counted twice.
 */
import {
  encodeStoredStatement,
  encodeStoredStatementWithJson,
  type LearningEvent,
} from '@learnpulse/events';
import { learningEventRecords, type ProducerRecord, TOPICS } from '@learnpulse/kafka';
import { statementToLearningEvent } from './statement-to-learning-event';
import { type StoredXapiStatement } from './statement.types';

/** One statement's xapi.statements.v1 message; `statementJson` when serialised already. */
function storedStatementMessage(
  tenant: string,
  statement: StoredXapiStatement,
  statementJson?: string,
): { key: string; value: Buffer } {
  const statementId = statement.id.toLowerCase();
  const record = {
    tenant,
    statementId,
    stored: statement.stored,
    authority: { ...statement.authority },
    version: statement.version,
    statement,
  };
  return {
    key: `${tenant}:${statementId}`,
    value:
      statementJson === undefined
        ? encodeStoredStatement(record)
        : encodeStoredStatementWithJson(record, statementJson),
  };
}

/** The statements as the LRS stores them, on xapi.statements.v1. */
export function storedStatementRecords(
  tenant: string,
  statements: readonly StoredXapiStatement[],
): ProducerRecord {
  return {
    topic: TOPICS.xapiStatements,
    messages: statements.map((statement) => storedStatementMessage(tenant, statement)),
  };
}

/**
 * How a statement becomes its LearningEvent: the plain xAPI mapping by default; the LRS passes
 * `learningEventOfStatement` of @learnpulse/mappers, which also knows source platforms (Moodle).
 * The event's payload must be the statement's JSON (JSON.stringify(statement)), as every such
 * mapping makes it: statementRecords stores that same text rather than serialising twice. A
 * mapper given `statementJson` (that same JSON, made by the caller) uses it as the payload.
 */
export type StatementEventMapper = (
  tenant: string,
  statement: StoredXapiStatement,
  receivedAt: number,
  statementJson?: string,
) => LearningEvent;

/** The statements' LearningEvents, on learning.events.v1. */
export function statementLearningEventRecords(
  tenant: string,
  statements: readonly StoredXapiStatement[],
  receivedAt: number,
  toEvent: StatementEventMapper = statementToLearningEvent,
): ProducerRecord {
  return learningEventRecords(
    statements.map((statement) => toEvent(tenant, statement, receivedAt)),
  );
}

/**
 * Both records of each statement. `statementJsons[i]`, when given, must be
 * JSON.stringify(statements[i]): callers that serialised the statements already pass it.
 */
export function statementRecords(
  tenant: string,
  statements: readonly StoredXapiStatement[],
  receivedAt: number,
  toEvent: StatementEventMapper = statementToLearningEvent,
  statementJsons?: readonly string[],
): ProducerRecord[] {
  const events = statements.map((statement, index) =>
    toEvent(tenant, statement, receivedAt, statementJsons?.[index]),
  );
  return [
    {
      topic: TOPICS.xapiStatements,
      messages: statements.map((statement, index) =>
        storedStatementMessage(tenant, statement, events[index]?.payload),
      ),
    },
    learningEventRecords(events),
  ];
}
