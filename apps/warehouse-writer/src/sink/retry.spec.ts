import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, retryUntilDone, SinkStoppedError } from './retry';

describe('retryUntilDone', () => {
  it('retries a failing step until it succeeds, reporting each failure', async () => {
    let calls = 0;
    const failures: number[] = [];
    const result = await retryUntilDone(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('down')) : Promise.resolve('ok');
      },
      {
        shouldContinue: () => true,
        onRetry: (_e, attempt) => failures.push(attempt),
        initialDelayMs: 1,
      },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(failures, [1, 2]);
  });

  it('gives up with SinkStoppedError once the consumer stops', async () => {
    let running = true;
    await assert.rejects(
      retryUntilDone(() => Promise.reject(new Error('down')), {
        shouldContinue: () => running,
        onRetry: () => {
          running = false;
        },
        initialDelayMs: 1,
      }),
      SinkStoppedError,
    );
  });

  it('backs off exponentially up to a cap', () => {
    assert.ok(backoffDelay(1, 100, 1000) >= 100 && backoffDelay(1, 100, 1000) <= 120);
    assert.ok(backoffDelay(3, 100, 1000) >= 400 && backoffDelay(3, 100, 1000) <= 480);
    assert.ok(backoffDelay(30, 100, 1000) <= 1200);
  });
});
