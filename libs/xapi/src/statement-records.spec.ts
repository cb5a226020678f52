import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import { lrsAuthority } from './lrs-authority';
import { normaliseStatement } from './normalise-statement';
import { statementToLearningEvent } from './statement-to-learning-event';
import {
  statementLearningEventRecords,
  statementRecords,
  storedStatementRecords,
} from './statement-records';

const receivedAt = Date.UTC(2024, 4, 1, 12);
const stored = normaliseStatement(
  {
    id: 'A1B2C3D4-0000-4000-8000-000000000001',
    actor: { account: { homePage: 'https://lms.example', name: '123' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
    object: { id: 'https://lms.example/quiz/9' },
    result: { score: { scaled: 0.9 } },
  },
  { authority: lrsAuthority('acme'), stored: new Date(receivedAt) },
);

describe('statementRecords', () => {
  const records = statementRecords('acme', [stored], receivedAt);
  const onTopic = (topic: string) => {
    const record = records.find((r) => r.topic === topic);
    assert.ok(record, `no record for ${topic}`);
    assert.equal(record.messages.length, 1);
    return record.messages[0]!;
  };

  it('writes one record per statement on each topic', () => {
    assert.deepEqual(
      records.map((r) => r.topic),
      ['xapi.statements.v1', 'learning.events.v1'],
    );
  });

  it('writes the stored statement to xapi.statements.v1 keyed tenant:statementId', () => {
    const message = onTopic('xapi.statements.v1');
    assert.equal(message.key, 'acme:a1b2c3d4-0000-4000-8000-000000000001');
    const record = decodeStoredStatement(message.value as Buffer);
    assert.equal(record.tenant, 'acme');
    assert.equal(record.statementId, 'a1b2c3d4-0000-4000-8000-000000000001');
    assert.equal(record.stored, new Date(receivedAt).toISOString());
    assert.equal(record.version, '2.0.0');
    assert.deepEqual(record.authority, lrsAuthority('acme'));
    assert.deepEqual(record.statement, stored);
  });

  it('writes the LearningEvent to learning.events.v1 keyed tenant:learnerId', () => {
    const message = onTopic('learning.events.v1');
    assert.equal(message.key, 'acme:account:https://lms.example|123');
    const event = learningEventCodec.decode(message.value as Buffer);
    assert.equal(event.eventId, 'a1b2c3d4-0000-4000-8000-000000000001');
    assert.equal(event.action, 'passed');
    assert.equal(event.receivedAt, receivedAt);
    assert.equal(event.occurredAt, receivedAt);
    assert.deepEqual(event.score, { raw: null, min: null, max: null, scaled: 0.9 });
  });
});

describe('storedStatementRecords and statementLearningEventRecords', () => {
  it('are the two halves of statementRecords, so a source can write the stored part alone', () => {
    assert.deepEqual(statementRecords('acme', [stored], receivedAt), [
      storedStatementRecords('acme', [stored]),
      statementLearningEventRecords('acme', [stored], receivedAt),
    ]);
    assert.equal(storedStatementRecords('acme', [stored]).topic, 'xapi.statements.v1');
  });

  it('are the same records when the caller passes the JSON it serialised the statements to', () => {
    const json = JSON.stringify(stored);
    const passed: (string | undefined)[] = [];
    const withJson = statementRecords(
      'acme',
      [stored],
      receivedAt,
      (tenant, statement, at, statementJson) => {
        passed.push(statementJson);
        return statementToLearningEvent(tenant, statement, at, statementJson);
      },
      [json],
    );
    assert.deepEqual(passed, [json]);
    assert.deepEqual(withJson, statementRecords('acme', [stored], receivedAt));
  });
});
