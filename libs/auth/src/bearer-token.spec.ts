import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBearerAuthorization, splitBearerToken } from './bearer-token';
import { CaliperTokenStore } from './caliper-token-store';
import { hashSecret } from './secret-hash';

const SECRET = 'Zm9vYmFyYmF6cXV4MTIzNDU2';

describe('parseBearerAuthorization', () => {
  it('reads the token of a Bearer header, any case of the scheme', () => {
    assert.equal(parseBearerAuthorization('Bearer abc.def'), 'abc.def');
    assert.equal(parseBearerAuthorization('bearer abc.def '), 'abc.def');
  });

  it('returns null for a missing header, another scheme, or no token', () => {
    assert.equal(parseBearerAuthorization(undefined), null);
    assert.equal(parseBearerAuthorization('Basic YTpi'), null);
    assert.equal(parseBearerAuthorization('Bearer'), null);
    assert.equal(parseBearerAuthorization('Bearer a b'), null);
  });
});

describe('splitBearerToken', () => {
  it('splits at the first dot: the key has none, the secret may', () => {
    assert.deepEqual(splitBearerToken(`sensor-1.${SECRET}`), { key: 'sensor-1', secret: SECRET });
    assert.deepEqual(splitBearerToken(`sensor-1.${SECRET}.x`), {
      key: 'sensor-1',
      secret: `${SECRET}.x`,
    });
  });

  it('refuses tokens without a key, without a dot or with a short secret', () => {
    assert.equal(splitBearerToken(SECRET), null);
    assert.equal(splitBearerToken(`.${SECRET}`), null);
    assert.equal(splitBearerToken('sensor-1.short'), null);
  });
});

describe('CaliperTokenStore', () => {
  it('accepts a configured token and answers its tenant; refuses a wrong secret or key', async () => {
    const store = new CaliperTokenStore([
      { tenant: 'acme', key: 'sensor-1', secretHash: await hashSecret(SECRET) },
    ]);
    const credential = await store.authenticate(`sensor-1.${SECRET}`);
    assert.deepEqual(credential, { tenant: 'acme', key: 'sensor-1', scopes: ['statements/write'] });
    assert.equal(await store.authenticate(`sensor-1.${SECRET}x`), null);
    assert.equal(await store.authenticate(`sensor-2.${SECRET}`), null);
    assert.equal(await store.authenticate('garbage'), null);
  });

  it('adds the demo token for the demo tenant only when DEMO_CALIPER_TOKEN is set', async () => {
    const withDemo = await CaliperTokenStore.fromEnvironment({
      CALIPER_TOKENS: [],
      DEMO_TENANT: 'demo',
      DEMO_CALIPER_TOKEN: `demo-caliper.${SECRET}`,
    });
    assert.equal((await withDemo.authenticate(`demo-caliper.${SECRET}`))?.tenant, 'demo');
    const without = await CaliperTokenStore.fromEnvironment({
      CALIPER_TOKENS: [],
      DEMO_TENANT: 'demo',
      DEMO_CALIPER_TOKEN: undefined,
    });
    assert.equal(without.size, 0);
  });
});
