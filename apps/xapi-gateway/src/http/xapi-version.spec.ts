import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiateXapiVersion } from './xapi-version';

describe('negotiateXapiVersion', () => {
  it('serves 1.0.x by the 1.0.3 rules and 2.0.x by the 2.0.0 rules', () => {
    for (const given of ['1.0', '1.0.0', '1.0.1', '1.0.3', ' 1.0.9 ']) {
      assert.deepEqual(negotiateXapiVersion(given), { ok: true, version: '1.0.3' }, given);
    }
    for (const given of ['2.0', '2.0.0', '2.0.1']) {
      assert.deepEqual(negotiateXapiVersion(given), { ok: true, version: '2.0.0' }, given);
    }
  });

  it('calls a missing or empty header missing', () => {
    assert.deepEqual(negotiateXapiVersion(undefined), { ok: false, reason: 'missing' });
    assert.deepEqual(negotiateXapiVersion('  '), { ok: false, reason: 'missing' });
  });

  it('refuses other versions', () => {
    for (const given of ['0.95', '0.9', '1.1.0', '3.0.0', '2.0.0-rc1', '1.0.x', 'latest']) {
      assert.deepEqual(negotiateXapiVersion(given), { ok: false, reason: 'unsupported', given });
    }
    assert.equal(negotiateXapiVersion(['1.0.3', '2.0.0']).ok, false);
  });
});
