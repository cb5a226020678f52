import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    assert.equal(
      retryDelayMs(1, 1000, 60_000, () => 0),
      500,
    );
    assert.equal(
      retryDelayMs(1, 1000, 60_000, () => 1),
      1000,
    );
    assert.equal(
      retryDelayMs(3, 1000, 60_000, () => 0),
      2000,
    );
    assert.equal(
      retryDelayMs(3, 1000, 60_000, () => 1),
      4000,
    );
  });

  it('never exceeds the maximum, and jitter spreads the delays', () => {
    assert.equal(
      retryDelayMs(40, 1000, 60_000, () => 1),
      60_000,
    );
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(4, 1000, 60_000)));
    assert.ok(delays.size > 1);
    for (const delay of delays) assert.ok(delay >= 4000 && delay <= 8000);
  });
});
