import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeTenancyRecord,
  encodeTenancyRecord,
  tenancyRecordKey,
  type CredentialRecord,
} from './tenancy-records';

const credential: CredentialRecord = {
  type: 'credential',
  key: 'uni-a-lms',
  tenant: 'uni-a',
  secretHash: 'scrypt$c2FsdA==$aGFzaA==',
  scopes: ['statements/write'],
  createdAt: '2025-01-01T00:00:00.000Z',
  revokedAt: null,
};

describe('tenancy records', () => {
  it('round-trips a credential under its key', () => {
    const key = tenancyRecordKey(credential);
    assert.equal(key, 'credential:uni-a-lms');
    assert.deepEqual(decodeTenancyRecord(key, encodeTenancyRecord(credential)), {
      kind: 'credential',
      key: 'uni-a-lms',
      record: credential,
    });
  });

  it('reads a tombstone as the deletion of its key', () => {
    assert.deepEqual(decodeTenancyRecord('tenant:uni-a', null), {
      kind: 'tenant',
      id: 'uni-a',
      record: null,
    });
  });

  it('refuses a record under another key, an unknown key, and a plain secret', () => {
    assert.throws(
      () => decodeTenancyRecord('credential:other', encodeTenancyRecord(credential)),
      /names another credential/,
    );
    assert.throws(() => decodeTenancyRecord('user:x', '{}'), /unknown tenancy record key/);
    assert.throws(() =>
      decodeTenancyRecord(
        'credential:uni-a-lms',
        JSON.stringify({ ...credential, secretHash: 'hunter2' }),
      ),
    );
  });
});
