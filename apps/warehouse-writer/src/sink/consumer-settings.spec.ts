import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consumerFetchSettings } from './consumer-settings';

describe('consumerFetchSettings', () => {
  it('waits up to WAREHOUSE_BATCH_MAX_WAIT_MS for about a batch of bytes', () => {
    const s = consumerFetchSettings({
      WAREHOUSE_BATCH_MAX_ROWS: 200,
      WAREHOUSE_BATCH_MAX_WAIT_MS: 250,
    });
    assert.equal(s.maxWaitTimeInMs, 250);
    assert.equal(s.minBytes, 200 * 512);
    assert.ok(s.maxBytesPerPartition >= 1024 * 1024);
  });

  it('lets one partition fetch hold a full large batch, within bounds', () => {
    const s = consumerFetchSettings({
      WAREHOUSE_BATCH_MAX_ROWS: 50_000,
      WAREHOUSE_BATCH_MAX_WAIT_MS: 500,
    });
    assert.equal(s.minBytes, 1024 * 1024);
    assert.ok(s.maxBytesPerPartition >= 50_000 * 512);
    assert.ok(s.maxBytes >= s.maxBytesPerPartition);
  });
});
