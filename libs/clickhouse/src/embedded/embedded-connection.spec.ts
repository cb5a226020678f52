import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changesSessionSettings } from './embedded-connection';

describe('changesSessionSettings', () => {
  it('is false without settings or with only HTTP-protocol settings chdb drops', () => {
    assert.equal(changesSessionSettings(undefined), false);
    assert.equal(changesSessionSettings({}), false);
    assert.equal(changesSessionSettings({ wait_end_of_query: 1, default_format: 'JSON' }), false);
    assert.equal(changesSessionSettings({ readonly: undefined }), false);
  });

  it('is true when an engine setting is given', () => {
    assert.equal(changesSessionSettings({ insert_deduplication_token: 'x' }), true);
    assert.equal(changesSessionSettings({ readonly: '1', wait_end_of_query: 1 }), true);
  });
});
