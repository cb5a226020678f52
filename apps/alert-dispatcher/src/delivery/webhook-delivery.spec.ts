import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliverWithRetries, DeliveryStoppedError } from './webhook-delivery';
import { type WebhookRequest, type WebhookResponse } from './webhook-request';

const REQUEST = {
  url: 'http://x',
  body: '{}',
  secret: 's',
  idempotencyKey: 'k',
  subscriptionId: 'wh',
};
const POLICY = { maxAttempts: 3, retryBaseMs: 1, retryMaxMs: 2, timeoutMs: 100 };
const hooks = (shouldContinue = (): boolean => true) => ({
  shouldContinue,
  heartbeat: () => Promise.resolve(),
  onAttempt: () => undefined,
});

function scripted(responses: WebhookResponse[]): {
  post: (r: WebhookRequest) => Promise<WebhookResponse>;
  attempts: number[];
} {
  const attempts: number[] = [];
  return {
    attempts,
    post: (request) => {
      attempts.push(request.attempt);
      const next = responses.shift();
      if (next === undefined) throw new Error('no more responses');
      return Promise.resolve(next);
    },
  };
}

const fail500: WebhookResponse = { ok: false, status: 500, retryable: true, error: 'HTTP 500' };

describe('deliverWithRetries', () => {
  it('retries a retryable failure and reports the attempt that succeeded', async () => {
    const { post, attempts } = scripted([fail500, { ok: true, status: 204 }]);
    const outcome = await deliverWithRetries(REQUEST, POLICY, hooks(), post);
    assert.deepEqual(outcome, { delivered: true, attempts: 2, status: 204 });
    assert.deepEqual(attempts, [1, 2]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { post } = scripted([fail500, fail500, fail500]);
    const outcome = await deliverWithRetries(REQUEST, POLICY, hooks(), post);
    assert.deepEqual(outcome, { delivered: false, attempts: 3, status: 500, error: 'HTTP 500' });
  });

  it('does not retry a refusal', async () => {
    const { post } = scripted([{ ok: false, status: 400, retryable: false, error: 'HTTP 400' }]);
    const outcome = await deliverWithRetries(REQUEST, POLICY, hooks(), post);
    assert.equal(outcome.attempts, 1);
    assert.equal(outcome.delivered, false);
  });

  it('stops without an outcome when the consumer stops', async () => {
    const { post } = scripted([fail500, fail500]);
    let calls = 0;
    await assert.rejects(
      deliverWithRetries(
        REQUEST,
        { ...POLICY, retryBaseMs: 50 },
        hooks(() => ++calls < 2),
        post,
      ),
      DeliveryStoppedError,
    );
  });
});
