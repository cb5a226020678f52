/**
 * The Kafka records of accepted statements: each statement once on xapi.statements.v1 (the LRS
 * store, keyed tenant:statementId) and once as a LearningEvent on learning.events.v1 (keyed
 * tenant:learnerId, so one learner's events stay in order). The LRS and the bulk importer both
 * write exactly these records, so an imported statement is indistinguishable from a POSTed one.
 */
import { encodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import { type ProducerRecord, TOPICS } from '@learnpulse/kafka';
import { statementToLearningEvent } from './statement-to-learning-event';
import { type StoredXapiStatement } from './statement.types';

export function statementRecords(
  tenant: string,
  statements: readonly StoredXapiStatement[],
  receivedAt: number,
): ProducerRecord[] {
  const stored = statements.map((statement) => {
    const statementId = statement.id.toLowerCase();
    return {
      key: `${tenant}:${statementId}`,
      value: encodeStoredStatement({
        tenant,
        statementId,
        stored: statement.stored,
        authority: { ...statement.authority },
        version: statement.version,
        statement,
      }),
    };
  });
  const events = statements.map((statement) => {
    const event = statementToLearningEvent(tenant, statement, receivedAt);
    return { key: `${tenant}:${event.learnerId}`, value: learningEventCodec.encode(event) };
  });
  return [
    { topic: TOPICS.xapiStatements, messages: stored },
    { topic: TOPICS.learningEvents, messages: events },
  ];
}
