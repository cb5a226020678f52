import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorHeaderText, failedRecordMessage } from './dead-letter-message';

describe('failedRecordMessage', () => {
  it('keeps key, bytes and string headers, and adds the error and the source position', () => {
    const value = Buffer.from([0, 0, 0, 0, 42, 7]);
    const message = failedRecordMessage({
      topic: 'learner.risk.v1',
      partition: 1,
      offset: '17',
      key: Buffer.from('uni:l-1'),
      value,
      headers: { 'x-request-id': Buffer.from('r-9'), other: 'kept', n: 3, list: ['x'] },
      error: new TypeError('bad record'),
    });
    assert.equal(message.key, 'uni:l-1');
    assert.equal(message.value, value);
    assert.deepEqual(message.headers, {
      'x-request-id': 'r-9',
      other: 'kept',
      'x-error': 'TypeError: bad record',
      'x-source-topic': 'learner.risk.v1',
      'x-source-partition': '1',
      'x-source-offset': '17',
    });
  });

  it('caps a long error text and sends empty key and value for a record without them', () => {
    assert.equal(errorHeaderText('x'.repeat(5000)).length, 2001);
    const message = failedRecordMessage({
      topic: 't',
      partition: 0,
      offset: 0,
      key: null,
      value: null,
      headers: undefined,
      error: 'plain',
    });
    assert.equal(message.key, '');
    assert.equal(message.value.length, 0);
    assert.equal(message.headers?.['x-error'], 'plain');
  });
});
