import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CredentialStore } from './credential-store';
import { hashSecret, verifySecret } from './secret-hash';
import { encodeTenancyRecord, type CredentialRecord } from './tenancy-records';
import { TenancyState } from './tenancy-state';

describe('secret hashing', () => {
  it('verifies the right secret and rejects a wrong one', async () => {
    const stored = await hashSecret('correct horse battery');
    assert.match(stored, /^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.equal(stored.includes('correct horse'), false);
    assert.equal(await verifySecret('correct horse battery', stored), true);
    assert.equal(await verifySecret('correct horse batterY', stored), false);
  });

  it('salts each hash so equal secrets hash differently', async () => {
    assert.notEqual(await hashSecret('same secret value'), await hashSecret('same secret value'));
  });

  it('rejects a stored value of an unknown scheme', async () => {
    assert.equal(await verifySecret('x', 'plain$abc$def'), false);
  });
});

describe('CredentialStore', () => {
  it('maps a key and its secret to tenant, key and scopes, on the first and the cached path', async () => {
    const store = new CredentialStore([
      {
        tenant: 'uni-a',
        key: 'key-a',
        secretHash: await hashSecret('secret-a-123'),
        scopes: ['all'],
      },
      {
        tenant: 'uni-b',
        key: 'key-b',
        secretHash: await hashSecret('secret-b-123'),
        scopes: ['statements/read'],
      },
    ]);
    const a = { tenant: 'uni-a', key: 'key-a', scopes: ['all'] };
    assert.deepEqual(await store.authenticate('key-a', 'secret-a-123'), a);
    assert.deepEqual(await store.authenticate('key-a', 'secret-a-123'), a);
    assert.deepEqual(await store.authenticate('key-b', 'secret-b-123'), {
      tenant: 'uni-b',
      key: 'key-b',
      scopes: ['statements/read'],
    });
  });

  it('refuses a wrong secret even after the right one was cached', async () => {
    const store = new CredentialStore([
      {
        tenant: 'uni-a',
        key: 'key-a',
        secretHash: await hashSecret('secret-a-123'),
        scopes: ['all'],
      },
    ]);
    assert.equal((await store.authenticate('key-a', 'secret-a-123'))?.tenant, 'uni-a');
    assert.equal(await store.authenticate('key-a', 'secret-b-123'), null);
    assert.equal(await store.authenticate('key-b', 'secret-a-123'), null);
  });

  it('adds the demo credential only when DEMO_LRS_SECRET is set', async () => {
    const base = { TENANT_CREDENTIALS: [], DEMO_TENANT: 'demo', DEMO_LRS_KEY: 'demo-lrs' };
    const without = await CredentialStore.fromEnvironment({ ...base, DEMO_LRS_SECRET: undefined });
    assert.equal(without.size, 0);
    const withDemo = await CredentialStore.fromEnvironment({
      ...base,
      DEMO_LRS_SECRET: 'demo-secret-123',
    });
    assert.deepEqual(await withDemo.authenticate('demo-lrs', 'demo-secret-123'), {
      tenant: 'demo',
      key: 'demo-lrs',
      scopes: ['all'],
    });
  });

  it('refuses a key configured twice', async () => {
    const secretHash = await hashSecret('secret-a-123');
    assert.throws(
      () =>
        new CredentialStore([
          { tenant: 'a', key: 'dup', secretHash, scopes: ['all'] },
          { tenant: 'b', key: 'dup', secretHash, scopes: ['all'] },
        ]),
      /configured twice/,
    );
  });

  describe('with credentials from the tenancy topic', () => {
    const now = new Date().toISOString();
    async function topicCredential(key: string, secret: string): Promise<CredentialRecord> {
      return {
        type: 'credential',
        key,
        tenant: 'uni-t',
        secretHash: await hashSecret(secret),
        scopes: ['statements/write'],
        createdAt: now,
        revokedAt: null,
      };
    }
    const apply = (state: TenancyState, record: CredentialRecord): void => {
      state.apply(`credential:${record.key}`, encodeTenancyRecord(record));
    };
    const tenant = encodeTenancyRecord({ type: 'tenant', id: 'uni-t', name: 'T', createdAt: now });

    it('authenticates a topic credential only while its tenant exists and it is not revoked', async () => {
      const state = new TenancyState();
      const store = new CredentialStore([], state);
      const record = await topicCredential('key-t', 'secret-t-123');
      apply(state, record);
      assert.equal(await store.authenticate('key-t', 'secret-t-123'), null, 'tenant unknown');
      state.apply('tenant:uni-t', tenant);
      assert.deepEqual(await store.authenticate('key-t', 'secret-t-123'), {
        tenant: 'uni-t',
        key: 'key-t',
        scopes: ['statements/write'],
      });
      apply(state, { ...record, revokedAt: now });
      assert.equal(
        await store.authenticate('key-t', 'secret-t-123'),
        null,
        'revoked (cached before)',
      );
    });

    it('forgets a credential removed by a tombstone, and a replaced secret at once', async () => {
      const state = new TenancyState();
      state.apply('tenant:uni-t', tenant);
      const store = new CredentialStore([], state);
      apply(state, await topicCredential('key-t', 'secret-old-123'));
      assert.ok(await store.authenticate('key-t', 'secret-old-123'));
      apply(state, await topicCredential('key-t', 'secret-new-123'));
      assert.equal(await store.authenticate('key-t', 'secret-old-123'), null);
      assert.ok(await store.authenticate('key-t', 'secret-new-123'));
      state.apply('credential:key-t', null);
      assert.equal(await store.authenticate('key-t', 'secret-new-123'), null);
    });

    it('keeps an environment credential over a topic one of the same key', async () => {
      const state = new TenancyState();
      state.apply('tenant:uni-t', tenant);
      const fixed = { tenant: 'uni-a', key: 'key-x', secretHash: await hashSecret('secret-a-123') };
      const store = new CredentialStore([{ ...fixed, scopes: ['all'] }], state);
      apply(state, await topicCredential('key-x', 'secret-t-123'));
      assert.equal((await store.authenticate('key-x', 'secret-a-123'))?.tenant, 'uni-a');
      assert.equal(await store.authenticate('key-x', 'secret-t-123'), null);
      assert.equal(store.isFixed('key-x'), true);
    });
  });
});
