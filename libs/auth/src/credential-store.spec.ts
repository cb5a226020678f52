import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CredentialStore } from './credential-store';
import { hashSecret, verifySecret } from './secret-hash';

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
  it('maps a key and its secret to the tenant, on the first and the cached path', async () => {
    const store = new CredentialStore([
      { tenant: 'uni-a', key: 'key-a', secretHash: await hashSecret('secret-a-123') },
      { tenant: 'uni-b', key: 'key-b', secretHash: await hashSecret('secret-b-123') },
    ]);
    assert.equal(await store.authenticate('key-a', 'secret-a-123'), 'uni-a');
    assert.equal(await store.authenticate('key-a', 'secret-a-123'), 'uni-a');
    assert.equal(await store.authenticate('key-b', 'secret-b-123'), 'uni-b');
  });

  it('refuses a wrong secret even after the right one was cached', async () => {
    const store = new CredentialStore([
      { tenant: 'uni-a', key: 'key-a', secretHash: await hashSecret('secret-a-123') },
    ]);
    assert.equal(await store.authenticate('key-a', 'secret-a-123'), 'uni-a');
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
    assert.equal(await withDemo.authenticate('demo-lrs', 'demo-secret-123'), 'demo');
  });

  it('refuses a key configured twice', async () => {
    const secretHash = await hashSecret('secret-a-123');
    assert.throws(
      () =>
        new CredentialStore([
          { tenant: 'a', key: 'dup', secretHash },
          { tenant: 'b', key: 'dup', secretHash },
        ]),
      /configured twice/,
    );
  });
});
