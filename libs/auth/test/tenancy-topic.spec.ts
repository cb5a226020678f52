/**
 * The tenancy topic on real Kafka: what TenancyAdmin writes, a CredentialStore fed by a
 * TenancyFollower sees, on start (replay from the beginning) and live (within seconds).
 */
import { loadConfig } from '@learnpulse/config';
import { createKafka } from '@learnpulse/kafka';
import { uniqueName, waitFor } from '@learnpulse/testing';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { CredentialStore } from '../src/credential-store';
import { TenancyAdmin } from '../src/tenancy-admin';
import { TenancyFollower } from '../src/tenancy-follower';
import { TenancyState } from '../src/tenancy-state';

describe('tenancy topic (real Kafka)', () => {
  const env = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const logger = pino({ level: 'silent' });
  const kafka = createKafka(env, 'auth-test', logger);
  let admin: TenancyAdmin;
  const followers: TenancyFollower[] = [];

  async function followingStore(): Promise<CredentialStore> {
    const state = new TenancyState();
    const follower = await TenancyFollower.start(kafka, env, state, logger);
    followers.push(follower);
    await follower.caughtUp;
    assert.equal(follower.isCaughtUp, true);
    return new CredentialStore([], state);
  }

  before(async () => {
    admin = await TenancyAdmin.open(kafka, env, logger, ['reserved-env-key']);
  });

  after(async () => {
    await admin.close();
    await Promise.all(followers.map((follower) => follower.stop()));
  });

  it('replays tenants and credentials written before the follower started', async () => {
    const tenant = uniqueName('uni').toLowerCase();
    await admin.createTenant(tenant, 'University');
    const { record, secret } = await admin.addCredential({
      tenant,
      scopes: ['statements/read/mine'],
    });
    const store = await followingStore();
    assert.equal(store.tenancy.tenant(tenant)?.name, 'University');
    assert.deepEqual(await store.authenticate(record.key, secret), {
      tenant,
      key: record.key,
      scopes: ['statements/read/mine'],
    });
  });

  it('sees a new credential and its revocation live, within seconds', async () => {
    const store = await followingStore();
    const tenant = uniqueName('uni').toLowerCase();
    await admin.createTenant(tenant);
    const { record, secret } = await admin.addCredential({ tenant, scopes: ['all'] });
    await waitFor(
      'the new credential to sign in',
      async () => ((await store.authenticate(record.key, secret)) === null ? undefined : true),
      { timeoutMs: 5_000, intervalMs: 50 },
    );
    await admin.revokeCredential(record.key);
    await waitFor(
      'the revoked credential to be refused',
      async () => ((await store.authenticate(record.key, secret)) === null ? true : undefined),
      { timeoutMs: 5_000, intervalMs: 50 },
    );
  });

  it('refuses a reserved or reused key and an unknown tenant', async () => {
    const tenant = uniqueName('uni').toLowerCase();
    await admin.createTenant(tenant);
    await assert.rejects(
      admin.addCredential({ tenant, key: 'reserved-env-key', scopes: ['all'] }),
      /already in use/,
    );
    const { record } = await admin.addCredential({ tenant, scopes: ['all'] });
    await assert.rejects(
      admin.addCredential({ tenant, key: record.key, scopes: ['all'] }),
      /already in use/,
    );
    await assert.rejects(
      admin.addCredential({ tenant: `${tenant}-missing`, scopes: ['all'] }),
      /does not exist/,
    );
    await assert.rejects(admin.revokeCredential('reserved-env-key'), /TENANT_CREDENTIALS/);
  });
});
