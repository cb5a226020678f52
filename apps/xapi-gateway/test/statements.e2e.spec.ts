/**
 * POST /xapi/statements against the real Kafka of the test stack, with the gateway bootstrapped
 * in this process on a free port and a demo tenant of its own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CLICKHOUSE, type ClickHouseClient, runMigrations } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { decodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import {
  createKafka,
  ensureTopics,
  type ReliableProducer,
  TOPIC_SPECS,
  TOPICS,
} from '@learnpulse/kafka';
import { basicAuthHeader } from '@learnpulse/auth';
import { learnerPseudonym } from '@learnpulse/mappers';
import { testEnvironment, uniqueName } from '@learnpulse/testing';
import { type INestApplication } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { bootstrapXapiGateway, PRODUCER } from '../src/index';
import { credentialAuthority } from '../src/statements/statement-authority';
import { endOffsets, type Offsets, readBetween } from './kafka-window';

const COURSE_TYPE = 'http://adlnet.gov/expapi/activities/course';
const METRICS_TOKEN = 'test-metrics-token-0123456789';

interface PostOptions {
  authorization?: string | null;
  contentType?: string | null;
  headers?: Record<string, string>;
}

describe('POST /xapi/statements (real Kafka)', () => {
  let env: Environment;
  let app: INestApplication;
  let kafka: Kafka;
  let baseUrl: string;
  let tenant: string;
  let authorization: string;

  before(async () => {
    env = await testEnvironment({
      HTTP_BODY_LIMIT_BYTES: String(1024 * 1024),
      METRICS_TOKEN,
    });
    kafka = createKafka(env, 'xapi-gateway-test');
    await ensureTopics(kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: TOPIC_SPECS.filter(
        (spec) => spec.name === TOPICS.xapiStatements || spec.name === TOPICS.learningEvents,
      ),
    });
    app = await bootstrapXapiGateway(env);
    // POST looks client-chosen ids up in the statement store; no writer runs here to create it.
    await runMigrations(app.get<ClickHouseClient>(CLICKHOUSE), env);
    baseUrl = `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}`;
    tenant = env.DEMO_TENANT;
    authorization = basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? '');
  });

  after(async () => {
    await app.close();
  });

  function post(body: unknown, options: PostOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {
      'X-Experience-API-Version': '2.0.0',
      ...options.headers,
    };
    const auth = options.authorization === undefined ? authorization : options.authorization;
    if (auth !== null) headers.authorization = auth;
    const contentType =
      options.contentType === undefined ? 'application/json' : options.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    return fetch(`${baseUrl}/xapi/statements`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** A statement whose learner and activity carry `marker`, so its records can be told apart. */
  function statement(marker: string, n: number, overrides: Record<string, unknown> = {}) {
    return {
      id: randomUUID(),
      actor: { objectType: 'Agent', mbox: `mailto:learner${n}@${marker}.example` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
      object: {
        id: `https://lms.example/${marker}/unit/${n}`,
        definition: { type: 'http://adlnet.gov/expapi/activities/module' },
      },
      context: {
        contextActivities: {
          parent: [
            { id: `https://lms.example/${marker}/course`, definition: { type: COURSE_TYPE } },
          ],
        },
      },
      timestamp: '2024-05-01T12:00:00.000Z',
      ...overrides,
    };
  }

  async function offsetsNow(): Promise<[Offsets, Offsets]> {
    return Promise.all([
      endOffsets(kafka, TOPICS.xapiStatements),
      endOffsets(kafka, TOPICS.learningEvents),
    ]);
  }

  /** This tenant's records on both topics between `before` and now. */
  async function tenantRecordsSince([statementsFrom, eventsFrom]: [Offsets, Offsets]) {
    const [statementsTo, eventsTo] = await offsetsNow();
    const [statements, events] = await Promise.all([
      readBetween(kafka, TOPICS.xapiStatements, statementsFrom, statementsTo),
      readBetween(kafka, TOPICS.learningEvents, eventsFrom, eventsTo),
    ]);
    const ours = (m: { key: string }) => m.key.startsWith(`${tenant}:`);
    return { statements: statements.filter(ours), events: events.filter(ours) };
  }

  it('accepts a valid batch, answers the ids and puts every statement on both topics', async () => {
    const marker = uniqueName('batch');
    const batch = [
      statement(marker, 0),
      statement(marker, 1),
      statement(marker, 2, { id: undefined }),
    ];
    const start = await offsetsNow();

    const response = await post(batch, { headers: { 'X-Experience-API-Version': '1.0.3' } });
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('x-experience-api-version'), '1.0.3');
    const ids = (await response.json()) as string[];
    assert.equal(ids.length, 3);
    assert.equal(ids[0], batch[0]?.id);
    assert.equal(ids[1], batch[1]?.id);
    assert.match(
      ids[2] ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    const { statements, events } = await tenantRecordsSince(start);
    assert.deepEqual(
      statements.map((m) => m.key).sort(),
      ids.map((id) => `${tenant}:${id}`).sort(),
    );
    for (const message of statements) {
      const record = decodeStoredStatement(message.value);
      assert.equal(record.tenant, tenant);
      assert.equal(message.key, `${tenant}:${record.statementId}`);
      assert.equal(record.statement.id, record.statementId);
      // The credential that sent it (contract: urn:learnpulse:tenant:<tenant>, key as name).
      assert.deepEqual(record.authority, credentialAuthority({ tenant, key: env.DEMO_LRS_KEY }));
      assert.equal(record.version, '2.0.0');
      assert.ok(Date.parse(record.stored) > Date.now() - 60_000);
    }

    assert.equal(events.length, 3);
    for (const message of events) {
      const event = learningEventCodec.decode(message.value);
      assert.equal(message.key, `${tenant}:${event.learnerId}`);
      assert.ok(ids.includes(event.eventId), event.eventId);
      assert.equal(event.tenant, tenant);
      assert.equal(event.source, 'xapi');
      assert.equal(event.action, 'completed');
      assert.equal(event.courseId, `https://lms.example/${marker}/course`);
      assert.equal(event.occurredAt, Date.parse('2024-05-01T12:00:00.000Z'));
      // Pseudonymised per tenant: the HMAC of the actor's identifier, never the email itself.
      const actors = [0, 1, 2].map((n) =>
        learnerPseudonym(
          env.LEARNER_PSEUDONYM_KEY ?? '',
          tenant,
          `mbox:mailto:learner${n}@${marker}.example`,
        ),
      );
      assert.ok(actors.includes(event.learnerId), event.learnerId);
      assert.doesNotMatch(event.learnerId, /@/);
    }
  });

  it('accepts a single statement body and answers a one-id array', async () => {
    const single = statement(uniqueName('single'), 0);
    const response = await post(single);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), [single.id]);
  });

  it('rejects a whole batch of 3 with one invalid statement, naming the path, and produces nothing', async () => {
    const marker = uniqueName('rejected');
    const batch = [
      statement(marker, 0),
      statement(marker, 1, { verb: { id: 'completed' } }),
      statement(marker, 2),
    ];
    const start = await offsetsNow();

    const response = await post(batch);
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'invalid statement',
      errors: [{ path: 'statements[1].verb.id', rule: 'must be an absolute IRI' }],
    });

    // A later accepted statement of the same tenant marks the end: had any of the rejected
    // batch been written, it would sit before this one in the window.
    const sentinel = statement(uniqueName('sentinel'), 0);
    assert.equal((await post(sentinel)).status, 200);
    const { statements, events } = await tenantRecordsSince(start);
    assert.deepEqual(
      statements.map((m) => m.key),
      [`${tenant}:${sentinel.id}`],
    );
    assert.deepEqual(
      events.map((m) => learningEventCodec.decode(m.value).eventId),
      [sentinel.id],
    );
    for (const message of [...statements, ...events]) {
      assert.doesNotMatch(message.value.toString('latin1'), new RegExp(marker));
    }
  });

  it('rejects a batch that repeats a statement id', async () => {
    const marker = uniqueName('dup');
    const first = statement(marker, 0);
    const response = await post([first, statement(marker, 1, { id: first.id })]);
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'invalid statement',
      errors: [{ path: 'statements[1].id', rule: 'duplicates statements[0].id' }],
    });
  });

  it('answers malformed JSON with 400 naming the problem', async () => {
    const response = await post('[{"actor": {"mbox": "mailto:a@b.c"},');
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-experience-api-version'), '2.0.0');
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'invalid JSON');
    assert.match(body.message, /^the request body is not valid JSON: .*JSON/);
  });

  it('refuses a body that tries prototype poisoning with 400', async () => {
    const response = await post('{"__proto__": {"admin": true}}');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'invalid JSON',
      message:
        'the request body is not valid JSON: the body uses a forbidden __proto__ or constructor.prototype key',
    });
  });

  it('answers an empty JSON body with 400', async () => {
    const response = await post('');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'invalid JSON',
      message: 'the request body is not valid JSON: the body is empty',
    });
  });

  it('answers a request without credentials with 401 and a Basic challenge', async () => {
    const response = await post([statement('noauth', 0)], { authorization: null });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Basic realm="learnpulse"');
    assert.equal(response.headers.get('x-experience-api-version'), '2.0.0');
  });

  it('answers a wrong password with 401', async () => {
    const response = await post([statement('badauth', 0)], {
      authorization: basicAuthHeader(env.DEMO_LRS_KEY, 'not-the-secret-at-all'),
    });
    assert.equal(response.status, 401);
    const body = (await response.json()) as { error: string };
    assert.equal(body.error, 'unauthorized');
  });

  it('writes nothing to Kafka for bad JSON, missing credentials or a wrong password', async () => {
    const marker = uniqueName('refused');
    const start = await offsetsNow();
    const valid = [statement(marker, 0), statement(marker, 1)];
    const refused = [
      await post(`${JSON.stringify(valid).slice(0, -1)},`),
      await post(valid, { authorization: null }),
      await post(valid, { authorization: basicAuthHeader(env.DEMO_LRS_KEY, `${marker}-wrong`) }),
      await post(valid, { authorization: basicAuthHeader(`${marker}-nokey`, 'whatever-secret') }),
    ];
    assert.deepEqual(
      refused.map((r) => r.status),
      [400, 401, 401, 401],
    );
    // An accepted request afterwards closes the window; only it may be in there.
    const sentinel = statement(uniqueName('sentinel'), 0);
    assert.equal((await post(sentinel)).status, 200);
    const [statementsTo, eventsTo] = await offsetsNow();
    const everything = [
      ...(await readBetween(kafka, TOPICS.xapiStatements, start[0], statementsTo)),
      ...(await readBetween(kafka, TOPICS.learningEvents, start[1], eventsTo)),
    ];
    for (const message of everything) {
      assert.doesNotMatch(message.value.toString('latin1'), new RegExp(marker));
    }
    const { statements } = await tenantRecordsSince(start);
    assert.deepEqual(
      statements.map((m) => m.key),
      [`${tenant}:${sentinel.id}`],
    );
  });

  it('refuses an unsupported X-Experience-API-Version with 400', async () => {
    const response = await post([statement('version', 0)], {
      headers: { 'X-Experience-API-Version': '0.95' },
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'unsupported xAPI version');
    assert.match(body.message, /0\.95/);
  });

  it('refuses bodies that are not application/json with 400 (xAPI XAPI-00127)', async () => {
    const text = JSON.stringify(statement('media', 0));
    for (const contentType of ['text/plain', 'application/xml', null]) {
      const response = await post(text, { contentType });
      assert.equal(response.status, 400, String(contentType));
    }
  });

  it('refuses a body over HTTP_BODY_LIMIT_BYTES with 413', async () => {
    const oversized = JSON.stringify([statement('large', 0, { pad: 'x'.repeat(1024 * 1024) })]);
    const response = await post(oversized);
    assert.equal(response.status, 413);
    const body = (await response.json()) as { error: string };
    assert.equal(body.error, 'payload too large');
  });

  it('refuses more than 1000 statements in one request with 413', async () => {
    const marker = uniqueName('many');
    const many = Array.from({ length: 1001 }, (_, n) => ({
      actor: { mbox: `mailto:l${n}@x.example` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: `https://lms.example/${marker}/${n}` },
    }));
    const response = await post(many);
    assert.equal(response.status, 413);
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'too many statements');
    assert.match(body.message, /at most 1000 statements, got 1001/);
  });

  it('reports ready when Kafka answers', async () => {
    const response = await fetch(`${baseUrl}/health/ready`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { details: Record<string, { status: string }> };
    assert.equal(body.details.kafka?.status, 'up');
  });

  it('counts statements per tenant and outcome and times requests in /metrics', async () => {
    const response = await fetch(`${baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    assert.equal(response.status, 200);
    const text = await response.text();
    const sample = (outcome: string): number => {
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith('learnpulse_gateway_statements_total{') &&
            l.includes(`tenant="${tenant}"`) &&
            l.includes(`outcome="${outcome}"`),
        );
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    assert.ok(sample('accepted') >= 5, `accepted: ${sample('accepted')}`);
    assert.ok(sample('rejected') >= 3, `rejected: ${sample('rejected')}`);
    assert.match(
      text,
      /learnpulse_gateway_request_duration_seconds_bucket\{[^}]*route="\/xapi\/statements"/,
    );
  });
});

describe('POST /xapi/statements when Kafka does not take the records', () => {
  it('answers 503 with Retry-After', async () => {
    const env = await testEnvironment();
    const app = await bootstrapXapiGateway(env);
    try {
      // A closed producer refuses every send, as a broker outage would.
      await app.get<ReliableProducer>(PRODUCER).close();
      const response = await fetch(
        `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/statements`,
        {
          method: 'POST',
          headers: {
            authorization: basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? ''),
            'content-type': 'application/json',
            'x-experience-api-version': '2.0.0',
          },
          body: JSON.stringify({
            actor: { mbox: 'mailto:a@b.example' },
            verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
            object: { id: 'https://lms.example/page/1' },
          }),
        },
      );
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '5');
      assert.deepEqual(await response.json(), {
        error: 'service unavailable',
        message: 'the statements could not be stored, retry later',
      });
    } finally {
      await app.close();
    }
  });
});
