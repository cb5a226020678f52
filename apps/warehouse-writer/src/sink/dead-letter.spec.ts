import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadLetterMessage } from './dead-letter';

describe('deadLetterMessage', () => {
  it('keeps key, original bytes and string headers, and says where the record came from and why', () => {
    const value = Buffer.from([0, 0, 0, 0, 99, 1, 2]);
    const message = deadLetterMessage({
      topic: 'learning.events.v1',
      partition: 2,
      offset: 41,
      key: Buffer.from('uni:learner-1'),
      value,
      headers: { 'x-request-id': Buffer.from('r-1'), other: 'kept', list: ['x'] },
      error: new RangeError('unknown schema id 99'),
    });
    assert.equal(message.key, 'uni:learner-1');
    assert.equal(message.value, value);
    assert.deepEqual(message.headers, {
      'x-request-id': 'r-1',
      other: 'kept',
      'x-error': 'RangeError: unknown schema id 99',
      'x-source-topic': 'learning.events.v1',
      'x-source-partition': '2',
      'x-source-offset': '41',
    });
  });

  it('sends an empty key and value for a record that had none, and caps a long error', () => {
    const message = deadLetterMessage({
      topic: 't',
      partition: 0,
      offset: 0,
      key: null,
      value: null,
      headers: undefined,
      error: 'x'.repeat(5000),
    });
    assert.equal(message.key, '');
    assert.equal(message.value.length, 0);
    assert.ok((message.headers?.['x-error'] ?? '').length <= 2001);
  });
});
