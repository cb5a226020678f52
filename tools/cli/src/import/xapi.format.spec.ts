import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import {
  lrsAuthority,
  normaliseStatement,
  statementRecords,
  type XapiStatement,
} from '@learnpulse/xapi';
import { learnerPseudonym, learnerPseudonyms } from '@learnpulse/mappers';
import { mapXapiRecord } from './xapi.format';

const KEY = 'import-spec-pseudonym-key-of-32-chars!';
const pseudonyms = learnerPseudonyms(KEY, 'acme');

const receivedAt = Date.UTC(2024, 4, 1);
const statement: XapiStatement = {
  id: 'A1B2C3D4-0000-4000-8000-0000000000AA',
  actor: { account: { homePage: 'https://lms.example', name: '7' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'https://lms.example/course/1' },
};

function records(value: unknown) {
  const result = mapXapiRecord(
    { line: 1, raw: JSON.stringify(value), value },
    'acme',
    receivedAt,
    pseudonyms,
  );
  assert.ok('records' in result, JSON.stringify(result));
  return result.records;
}

describe('xapi import format', () => {
  it('produces exactly the records the LRS produces for the statement', () => {
    const normalised = normaliseStatement(statement, {
      authority: lrsAuthority('acme'),
      stored: new Date(receivedAt),
    });
    const expected = statementRecords(
      'acme',
      [{ ...normalised, id: normalised.id.toLowerCase() }],
      receivedAt,
    );
    const actual = records(statement);
    // The stored statement is verbatim; the LearningEvent carries the learner's pseudonym.
    assert.deepEqual(actual[0], expected[0]);
    const event = learningEventCodec.decode(actual[1]?.messages[0]?.value as Buffer);
    const plain = learningEventCodec.decode(expected[1]?.messages[0]?.value as Buffer);
    const pseudonym = learnerPseudonym(KEY, 'acme', 'account:https://lms.example|7');
    assert.deepEqual(event, { ...plain, learnerId: pseudonym });
    assert.equal(actual[1]?.messages[0]?.key, `acme:${pseudonym}`);
  });

  it('gives a statement without an id the same id and key on every import', () => {
    const withoutId: Record<string, unknown> = { ...statement };
    delete withoutId.id;
    const first = records(withoutId);
    const again = records(withoutId);
    assert.deepEqual(first, again);
    const stored = decodeStoredStatement(first[0]?.messages[0]?.value as Buffer);
    const event = learningEventCodec.decode(first[1]?.messages[0]?.value as Buffer);
    assert.equal(event.eventId, stored.statementId);
    assert.deepEqual(stored.authority, lrsAuthority('acme'));
  });

  it('rejects an invalid statement with the validator’s errors', () => {
    const result = mapXapiRecord(
      { line: 3, raw: '{}', value: { ...statement, verb: { id: 'nope' } } },
      'acme',
      receivedAt,
      pseudonyms,
    );
    assert.deepEqual(result, {
      errors: [{ path: 'statement.verb.id', rule: 'must be an absolute IRI' }],
    });
  });

  it('rejects an attachment whose data would need a multipart part', () => {
    const result = mapXapiRecord(
      {
        line: 1,
        raw: '',
        value: {
          ...statement,
          attachments: [
            {
              usageType: 'http://example.com/usage',
              display: { en: 'a' },
              contentType: 'text/plain',
              length: 1,
              sha2: 'a'.repeat(64),
            },
          ],
        },
      },
      'acme',
      receivedAt,
      pseudonyms,
    );
    assert.ok('errors' in result);
    assert.equal(result.errors[0]?.path, 'statement.attachments[0].fileUrl');
  });
});
