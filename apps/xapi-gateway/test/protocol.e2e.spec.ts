/**
 * The xAPI protocol rules on a running gateway (real Kafka): version negotiation and the version
 * header on every answer, About, CORS, the alternate request syntax per version, content-type
 * and size refusals, 401 and 403.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { basicAuthHeader, hashSecret } from '@learnpulse/auth';
import { type Environment } from '@learnpulse/config';
import { createClickHouseClient, runMigrations } from '@learnpulse/clickhouse';
import { createKafka, ensureTopics, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import { testEnvironment, uniqueName } from '@learnpulse/testing';
import { type INestApplication } from '@nestjs/common';
import { bootstrapXapiGateway } from '../src/index';

const BODY_LIMIT = 64 * 1024;
const FORM = 'application/x-www-form-urlencoded';

function statement(): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: `mailto:${uniqueName('learner')}@example.edu` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'https://lms.example.edu/course/1/page/1' },
  };
}

describe('xAPI protocol (running gateway)', () => {
  let env: Environment;
  let app: INestApplication;
  let baseUrl: string;
  let authorization: string;
  let readOnly: string;

  before(async () => {
    const readKey = uniqueName('reader');
    const readSecret = randomUUID();
    const tenant = uniqueName('t').toLowerCase();
    env = await testEnvironment({
      DEMO_TENANT: tenant,
      HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT),
      TENANT_CREDENTIALS: `${tenant}:${readKey}:${await hashSecret(readSecret)}:statements/read`,
    });
    await ensureTopics(createKafka(env, 'protocol-test'), {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: TOPIC_SPECS.filter(
        (spec) => spec.name === TOPICS.xapiStatements || spec.name === TOPICS.learningEvents,
      ),
    });
    // The statement store the POST checks for conflicts (the writer applies these in production).
    const clickhouse = createClickHouseClient(env);
    await runMigrations(clickhouse, env);
    await clickhouse.close();
    app = await bootstrapXapiGateway(env);
    baseUrl = `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}`;
    authorization = basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? '');
    readOnly = basicAuthHeader(readKey, readSecret);
  });

  after(async () => {
    await app.close();
  });

  function post(
    headers: Record<string, string>,
    body: string = JSON.stringify(statement()),
    path = '/xapi/statements',
  ): Promise<Response> {
    return fetch(`${baseUrl}${path}`, { method: 'POST', headers, body });
  }

  const v2 = { 'x-experience-api-version': '2.0.0' };
  const json = { 'content-type': 'application/json' };

  async function assertRefusal(
    response: Response,
    status: number,
    error: string | RegExp,
    version = '2.0.0',
  ): Promise<void> {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('x-experience-api-version'), version);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    assert.ok(response.headers.get('date'), 'Date header');
    const body = (await response.json()) as { error: string; message?: string };
    assert.match(body.error, typeof error === 'string' ? new RegExp(`^${error}$`) : error);
  }

  describe('version negotiation', () => {
    it('refuses a request without X-Experience-API-Version with 400, saying so', async () => {
      const response = await post({ authorization, ...json });
      await assertRefusal(response, 400, 'missing xAPI version');
    });

    it('refuses it before authentication, and on GET too', async () => {
      const response = await fetch(`${baseUrl}/xapi/statements`);
      await assertRefusal(response, 400, 'missing xAPI version');
    });

    it('refuses an unsupported version with 400', async () => {
      for (const version of ['0.95', '1.1.0', '3.0.0']) {
        const response = await post({
          authorization,
          ...json,
          'x-experience-api-version': version,
        });
        await assertRefusal(response, 400, 'unsupported xAPI version');
      }
    });

    it('answers with the version in use: 1.0.3 for 1.0.x requests, 2.0.0 for 2.0.x', async () => {
      const old = await post({ authorization, ...json, 'x-experience-api-version': '1.0.1' });
      assert.equal(old.status, 200);
      assert.equal(old.headers.get('x-experience-api-version'), '1.0.3');
      const current = await post({ authorization, ...json, 'x-experience-api-version': '2.0' });
      assert.equal(current.status, 200);
      assert.equal(current.headers.get('x-experience-api-version'), '2.0.0');
    });
  });

  describe('About', () => {
    it('lists the versions without credentials or a version header', async () => {
      const response = await fetch(`${baseUrl}/xapi/about`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-experience-api-version'), '2.0.0');
      assert.ok(response.headers.get('date'));
      const body = (await response.json()) as { version: string[]; extensions: object };
      assert.deepEqual(body.version, ['2.0.0', '1.0.3']);
      assert.equal(typeof body.extensions, 'object');
    });
  });

  describe('refusals carry the version header and a JSON body', () => {
    it('401 without or with wrong credentials', async () => {
      const none = await post({ ...v2, ...json });
      await assertRefusal(none, 401, 'unauthorized');
      assert.equal(none.headers.get('www-authenticate'), 'Basic realm="learnpulse"');
      const wrong = await post({
        ...v2,
        ...json,
        authorization: basicAuthHeader(env.DEMO_LRS_KEY, 'not-the-secret'),
      });
      await assertRefusal(wrong, 401, 'unauthorized');
    });

    it('401 answered with 1.0.3 to a 1.0.3 request', async () => {
      const response = await post({ ...json, 'x-experience-api-version': '1.0.3' });
      await assertRefusal(response, 401, 'unauthorized', '1.0.3');
    });

    it('403 when the credential lacks the scope (statements/read may not write)', async () => {
      const response = await post({ ...v2, ...json, authorization: readOnly });
      await assertRefusal(response, 403, 'forbidden');
    });

    it('404 for an unknown resource', async () => {
      const response = await fetch(`${baseUrl}/xapi/nothing-here`, { headers: v2 });
      await assertRefusal(response, 404, 'not found');
    });

    it('413 for a body over HTTP_BODY_LIMIT_BYTES', async () => {
      const big = JSON.stringify({ ...statement(), padding: 'x'.repeat(BODY_LIMIT) });
      const response = await post({ authorization, ...v2, ...json }, big);
      await assertRefusal(response, 413, 'payload too large');
    });

    it('400 for a statements body that is neither application/json nor multipart/mixed', async () => {
      for (const contentType of [
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await post({ authorization, ...v2, 'content-type': contentType });
        await assertRefusal(response, 400, 'unsupported media type');
      }
    });
  });

  describe('CORS', () => {
    it('answers a preflight with the allowed methods and headers, and the version header', async () => {
      const response = await fetch(`${baseUrl}/xapi/statements`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://content.example.org',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization,content-type,x-experience-api-version',
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /PUT/);
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'content-type', 'x-experience-api-version']) {
        assert.ok(allowed.includes(header), header);
      }
      assert.equal(response.headers.get('x-experience-api-version'), '2.0.0');
    });

    it('exposes the xAPI response headers to the browser', async () => {
      const response = await fetch(`${baseUrl}/xapi/about`, {
        headers: { origin: 'https://content.example.org' },
      });
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      for (const header of [
        'x-experience-api-version',
        'x-experience-api-consistent-through',
        'last-modified',
        'etag',
      ]) {
        assert.ok(exposed.includes(header), header);
      }
    });
  });

  describe('alternate request syntax', () => {
    function form(fields: Record<string, string>): string {
      return new URLSearchParams(fields).toString();
    }

    it('serves a 1.0.3 form POST (?method=POST) as the request it stands for', async () => {
      const body = statement();
      const response = await post(
        { 'content-type': FORM },
        form({
          Authorization: authorization,
          'X-Experience-API-Version': '1.0.3',
          'Content-Type': 'application/json',
          content: JSON.stringify(body),
        }),
        '/xapi/statements?method=POST',
      );
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-experience-api-version'), '1.0.3');
      assert.deepEqual(await response.json(), [body.id]);
    });

    it('keeps the inner answer: a 401 for wrong credentials in the form', async () => {
      const response = await post(
        { 'content-type': FORM, 'x-experience-api-version': '1.0.3' },
        form({ content: JSON.stringify(statement()) }),
        '/xapi/statements?method=POST',
      );
      await assertRefusal(response, 401, 'unauthorized', '1.0.3');
    });

    it('refuses extra query parameters and unknown methods under 1.0.3', async () => {
      const extra = await post(
        { 'content-type': FORM, 'x-experience-api-version': '1.0.3' },
        form({ Authorization: authorization }),
        `/xapi/statements?method=PUT&statementId=${randomUUID()}`,
      );
      await assertRefusal(extra, 400, 'invalid alternate request', '1.0.3');
      const patch = await post(
        { 'content-type': FORM, 'x-experience-api-version': '1.0.3' },
        form({ Authorization: authorization }),
        '/xapi/statements?method=PATCH',
      );
      await assertRefusal(patch, 400, 'invalid alternate request', '1.0.3');
    });

    it('refuses the syntax under 2.0.0, which removed it', async () => {
      const response = await post(
        { 'content-type': FORM, ...v2 },
        form({ Authorization: authorization, content: JSON.stringify(statement()) }),
        '/xapi/statements?method=POST',
      );
      await assertRefusal(response, 400, 'invalid alternate request');
      const body = await post(
        { 'content-type': FORM },
        form({ 'X-Experience-API-Version': '2.0.0', Authorization: authorization }),
        '/xapi/statements?method=GET',
      );
      await assertRefusal(body, 400, 'invalid alternate request');
    });
  });
});
