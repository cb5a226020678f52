import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isTopicSettlingError, onceTopicsSettle } from './topic-readiness';

function brokerError(type: string): Error {
  return Object.assign(new KafkaJSProtocolError(`broker says ${type}`), { type });
}

describe('isTopicSettlingError', () => {
  it('knows the answers of a topic not served yet, also wrapped by exhausted kafkajs retries', () => {
    assert.equal(isTopicSettlingError(brokerError('NOT_LEADER_FOR_PARTITION')), true);
    assert.equal(isTopicSettlingError(brokerError('LEADER_NOT_AVAILABLE')), true);
    const unknown = brokerError('UNKNOWN_TOPIC_OR_PARTITION');
    const exhausted = new KafkaJSNumberOfRetriesExceeded(unknown, {
      retryCount: 5,
      retryTime: 3000,
    });
    assert.equal(isTopicSettlingError(exhausted), true);
  });

  it('leaves every other error to the caller', () => {
    assert.equal(isTopicSettlingError(brokerError('TOPIC_AUTHORIZATION_FAILED')), false);
    assert.equal(isTopicSettlingError(new TypeError('x is undefined')), false);
    assert.equal(isTopicSettlingError('UNKNOWN_TOPIC_OR_PARTITION'), false);
  });
});

describe('onceTopicsSettle', () => {
  it('retries while the topic settles and returns the first answer', async () => {
    let calls = 0;
    const answer = await onceTopicsSettle(() => {
      calls += 1;
      if (calls < 3) return Promise.reject(brokerError('NOT_LEADER_FOR_PARTITION'));
      return Promise.resolve('offsets');
    });
    assert.equal(answer, 'offsets');
    assert.equal(calls, 3);
  });

  it('throws another error at once, and a settling one after the deadline', async () => {
    let calls = 0;
    await assert.rejects(
      onceTopicsSettle(() => {
        calls += 1;
        return Promise.reject(brokerError('TOPIC_AUTHORIZATION_FAILED'));
      }),
      /TOPIC_AUTHORIZATION_FAILED/,
    );
    assert.equal(calls, 1);
    const started = Date.now();
    await assert.rejects(
      onceTopicsSettle(() => Promise.reject(brokerError('LEADER_NOT_AVAILABLE')), 250),
      /LEADER_NOT_AVAILABLE/,
    );
    assert.ok(Date.now() - started >= 250);
  });
});
