/**
 * Tenants and credentials managed at runtime through the CLI's functions, on real Kafka, with
 * the writer and the gateway running in this process: a new credential signs in within seconds
 * without a restart, a revoked one is refused from the next request, and one tenant never sees
 * another's statements.
 */
import { basicAuthHeader } from '@learnpulse/auth';
import type { Environment } from '@learnpulse/config';
import { testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import type { INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { selectApps, startApps, stopApps } from '../src/app-registry';
import {
  addCredential,
  listCredentials,
  revokeCredential,
} from '../src/commands/credential.command';
import { createTenant, listTenants } from '../src/commands/tenant.command';

const PROPAGATION_MS = 5_000;

describe('tenancy through the CLI (real Kafka, running gateway)', () => {
  let env: Environment;
  let apps: INestApplication[];
  let statementsUrl: string;

  before(async () => {
    env = await testEnvironment();
    apps = await startApps(selectApps(['warehouse-writer', 'xapi-gateway']), env);
    statementsUrl = `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/statements`;
  });

  after(async () => {
    await stopApps(apps);
  });

  function statement(): Record<string, unknown> {
    return {
      id: randomUUID(),
      actor: { objectType: 'Agent', mbox: `mailto:${uniqueName('learner')}@example.edu` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { objectType: 'Activity', id: 'https://lms.example.edu/course/9/page/1' },
    };
  }

  function post(authorization: string, body: unknown): Promise<Response> {
    return fetch(statementsUrl, {
      method: 'POST',
      headers: {
        authorization,
        'content-type': 'application/json',
        'x-experience-api-version': '2.0.0',
      },
      body: JSON.stringify(body),
    });
  }

  function get(authorization: string, query: string): Promise<Response> {
    return fetch(`${statementsUrl}?${query}`, {
      headers: { authorization, 'x-experience-api-version': '2.0.0' },
    });
  }

  /** Polls until a POST with this credential answers `status`; returns how long it took. */
  async function untilPostAnswers(authorization: string, status: number): Promise<number> {
    const started = Date.now();
    await waitFor(
      `a POST answered ${status}`,
      async () => ((await post(authorization, statement())).status === status ? true : undefined),
      { timeoutMs: PROPAGATION_MS, intervalMs: 100 },
    );
    return Date.now() - started;
  }

  it('refuses a credential for a tenant that does not exist', async () => {
    await assert.rejects(
      addCredential({ tenant: uniqueName('nobody').toLowerCase() }, env),
      /does not exist/,
    );
  });

  it('creates a tenant and a credential that signs in within seconds, then revokes it', async () => {
    const tenant = uniqueName('uni-a').toLowerCase();
    await createTenant(tenant, { name: 'University A' }, env);
    await assert.rejects(createTenant(tenant, {}, env), /already exists/);
    const { record, secret } = await addCredential(
      { tenant, scopes: 'statements/write,statements/read' },
      env,
    );
    assert.deepEqual(record.scopes, ['statements/write', 'statements/read']);
    assert.equal(JSON.stringify(record).includes(secret), false, 'only the hash is stored');
    const authorization = basicAuthHeader(record.key, secret);

    await untilPostAnswers(authorization, 200);
    const wrong = await post(basicAuthHeader(record.key, `${secret}x`), statement());
    assert.equal(wrong.status, 401);

    await revokeCredential(record.key, env);
    await untilPostAnswers(authorization, 401);
    await assert.rejects(revokeCredential(record.key, env), /already revoked/);

    const listed = await listCredentials({ tenant }, env);
    assert.equal(listed.length, 1);
    assert.notEqual(listed[0]?.revokedAt, null);
    assert.equal(JSON.stringify(listed).includes(secret), false);
    assert.ok((await listTenants(env)).some((known) => known.id === tenant));
  });

  it('never shows one tenant the statements of another', async () => {
    const tenantA = uniqueName('uni-a').toLowerCase();
    const tenantB = uniqueName('uni-b').toLowerCase();
    await createTenant(tenantA, {}, env);
    await createTenant(tenantB, {}, env);
    const a = await addCredential({ tenant: tenantA }, env);
    const b = await addCredential({ tenant: tenantB }, env);
    const authA = basicAuthHeader(a.record.key, a.secret);
    const authB = basicAuthHeader(b.record.key, b.secret);
    await untilPostAnswers(authA, 200);
    await untilPostAnswers(authB, 200);

    const mine = statement();
    assert.equal((await post(authA, mine)).status, 200);
    const id = String(mine.id);
    // Readable by its own tenant once stored...
    await waitFor(
      'tenant A to read its statement',
      async () => ((await get(authA, `statementId=${id}`)).status === 200 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    // ...and invisible to the other, by id and in a query.
    assert.equal((await get(authB, `statementId=${id}`)).status, 404);
    const listed = await get(authB, 'limit=100');
    assert.equal(listed.status, 200);
    const body = (await listed.json()) as { statements: { id: string }[] };
    assert.equal(
      body.statements.some((found) => found.id === id),
      false,
    );
    // The same id posted by B is B's own statement, not a conflict with A's.
    assert.equal((await post(authB, mine)).status, 200);
  });
});
