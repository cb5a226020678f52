import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { patchKafkajsRequestQueue } from './request-queue.patch';

interface QueueLike {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

function fakeQueue(pending: unknown[], throttledUntil: number): QueueLike {
  const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as {
    prototype: QueueLike;
  };
  const queue = Object.create(RequestQueue.prototype) as QueueLike;
  queue.throttledUntil = throttledUntil;
  queue.throttleCheckTimeoutId = null;
  queue.pending = pending;
  queue.checkPendingRequests = () => undefined;
  return queue;
}

describe('kafkajs request queue fix', () => {
  it('applies to kafkajs 2.2.4 and is idempotent', () => {
    assert.equal(patchKafkajsRequestQueue(), true);
    assert.equal(patchKafkajsRequestQueue(), true);
  });

  it('arms no timer when nothing is pending and the client is not throttled', () => {
    patchKafkajsRequestQueue();
    const queue = fakeQueue([], -1);
    queue.scheduleCheckPendingRequests();
    assert.equal(queue.throttleCheckTimeoutId, null);
  });

  it('still checks pending requests and waits out a throttle', () => {
    patchKafkajsRequestQueue();
    const pending = fakeQueue([{}], -1);
    pending.scheduleCheckPendingRequests();
    assert.notEqual(pending.throttleCheckTimeoutId, null);
    clearTimeout(pending.throttleCheckTimeoutId ?? undefined);

    const throttled = fakeQueue([], Date.now() + 5_000);
    throttled.scheduleCheckPendingRequests();
    assert.notEqual(throttled.throttleCheckTimeoutId, null);
    clearTimeout(throttled.throttleCheckTimeoutId ?? undefined);
  });
});
