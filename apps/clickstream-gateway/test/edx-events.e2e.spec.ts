/**
 * POST /edx/events against the real Kafka of the test stack, with the gateway bootstrapped in
 * this process on a free port and a demo tenant of its own: the shared Open edX fixtures land on
 * learning.events.v1 and xapi.statements.v1, with Open edX's own statement ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basicAuthHeader } from '@learnpulse/auth';
import { type Environment } from '@learnpulse/config';
import { decodeStoredStatement, type LearningEvent, learningEventCodec } from '@learnpulse/events';
import { createKafka, ensureTopics, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import { type EdxEvent } from '@learnpulse/mappers';
import {
  endOffsets,
  type Offsets,
  readBetween,
  testEnvironment,
  uniqueName,
} from '@learnpulse/testing';
import { credentialAuthority, validateStatement } from '@learnpulse/xapi';
import { type INestApplication } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { learnerPseudonym } from '@learnpulse/mappers';
import { bootstrapClickstreamGateway } from '../src/index';
import { counterValue } from './gateway-metrics';
import { edxManifest, expectedStatements, fixtureLines, fixtureText } from './shared-fixtures';

const METRICS_TOKEN = 'test-metrics-token-0123456789';
const BODY_LIMIT = 512 * 1024;

interface Written {
  events: LearningEvent[];
  statements: ReturnType<typeof decodeStoredStatement>[];
  eventKeys: string[];
}

async function setUpKafka(env: Environment): Promise<Kafka> {
  const kafka = createKafka(env, 'clickstream-gateway-test');
  await ensureTopics(kafka, {
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    topics: TOPIC_SPECS.filter(
      (spec) => spec.name === TOPICS.xapiStatements || spec.name === TOPICS.learningEvents,
    ),
  });
  return kafka;
}

/** Posting and reading back for one gateway and its tenant. */
function client(env: Environment, kafka: Kafka) {
  const baseUrl = `http://${env.HTTP_HOST}:${env.CLICKSTREAM_GATEWAY_PORT}`;
  const tenant = env.DEMO_TENANT;
  const authorization = basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? '');

  function post(
    body: string,
    contentType: string | null = 'application/x-ndjson',
    auth: string | null = authorization,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (auth !== null) headers.authorization = auth;
    if (contentType !== null) headers['content-type'] = contentType;
    return fetch(`${baseUrl}/edx/events`, { method: 'POST', headers, body });
  }

  async function offsetsNow(): Promise<[Offsets, Offsets]> {
    return Promise.all([
      endOffsets(kafka, TOPICS.learningEvents),
      endOffsets(kafka, TOPICS.xapiStatements),
    ]);
  }

  /** This tenant's records on both topics between `from` and now, read by a fresh group. */
  async function writtenSince([eventsFrom, statementsFrom]: [Offsets, Offsets]): Promise<Written> {
    const [eventsTo, statementsTo] = await offsetsNow();
    const [events, statements] = await Promise.all([
      readBetween(kafka, TOPICS.learningEvents, eventsFrom, eventsTo),
      readBetween(kafka, TOPICS.xapiStatements, statementsFrom, statementsTo),
    ]);
    const ours = (message: { key: string }) => message.key.startsWith(`${tenant}:`);
    return {
      events: events.filter(ours).map((message) => learningEventCodec.decode(message.value)),
      eventKeys: events.filter(ours).map((message) => message.key),
      statements: statements.filter(ours).map((message) => decodeStoredStatement(message.value)),
    };
  }

  return { baseUrl, tenant, post, offsetsNow, writtenSince };
}

describe('POST /edx/events (real Kafka, pseudonymised learners)', () => {
  let env: Environment;
  let app: INestApplication;
  let kafka: Kafka;
  let api: ReturnType<typeof client>;

  before(async () => {
    env = await testEnvironment({
      HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT),
      METRICS_TOKEN,
    });
    kafka = await setUpKafka(env);
    app = await bootstrapClickstreamGateway(env);
    api = client(env, kafka);
  });

  after(async () => {
    await app.close();
  });

  it('accepts every line of tracking.ndjson and writes its LearningEvents and xAPI statements', async () => {
    const lines = fixtureLines('edx/tracking.ndjson');
    const start = await api.offsetsNow();
    const response = await api.post(`${lines.join('\n')}\n`);
    assert.equal(response.status, 200, await response.clone().text());
    const answer = (await response.json()) as {
      accepted: number;
      statements: number;
      unknown: number;
      anonymous: number;
    };
    assert.equal(answer.accepted, lines.length);
    assert.ok(answer.statements > 0);

    const written = await api.writtenSince(start);
    assert.equal(written.events.length, lines.length);
    assert.equal(new Set(written.events.map((event) => event.eventId)).size, lines.length);
    assert.equal(written.events.filter((event) => event.learnerAnonymous).length, answer.anonymous);
    assert.equal(
      written.events.filter((event) => event.action === 'other').length >= answer.unknown,
      true,
    );
    for (const [index, event] of written.events.entries()) {
      assert.equal(event.source, 'edx');
      assert.equal(event.tenant, api.tenant);
      assert.equal(written.eventKeys[index], `${api.tenant}:${event.learnerId}`);
      assert.match(event.learnerId, /^[0-9a-f]{32}$/);
    }
    // Pseudonyms: the fixtures' edX users never appear as themselves.
    const firstUser = (JSON.parse(lines[1] ?? '{}') as { context?: { user_id?: number } }).context
      ?.user_id;
    if (firstUser !== undefined) {
      assert.ok(
        written.events.some(
          (event) =>
            event.learnerId ===
            learnerPseudonym(
              env.LEARNER_PSEUDONYM_KEY ?? '',
              api.tenant,
              `user:${String(firstUser)}`,
            ),
        ),
      );
    }

    assert.equal(written.statements.length, answer.statements);
    for (const record of written.statements) {
      assert.equal(record.tenant, api.tenant);
      assert.deepEqual(
        record.authority,
        credentialAuthority({ tenant: api.tenant, key: env.DEMO_LRS_KEY }),
      );
      assert.ok(Date.parse(record.stored) > Date.now() - 60_000);
    }
  });

  it('accepts every line of tracking-sample.log sent as text/plain, flagging anonymous visitors', async () => {
    const text = fixtureText('edx/tracking-sample.log');
    const lines = fixtureLines('edx/tracking-sample.log');
    const start = await api.offsetsNow();
    const response = await api.post(text, 'text/plain; charset=utf-8');
    assert.equal(response.status, 200, await response.clone().text());
    const answer = (await response.json()) as {
      accepted: number;
      anonymous: number;
      statements: number;
    };
    assert.equal(answer.accepted, lines.length);
    assert.ok(answer.anonymous > 0);
    const written = await api.writtenSince(start);
    assert.equal(written.events.length, lines.length);
    assert.equal(written.events.filter((event) => event.learnerAnonymous).length, answer.anonymous);
    assert.equal(written.statements.length, answer.statements);
    assert.deepEqual([...new Set(written.events.map((event) => event.source))], ['edx']);
  });

  it('gives a re-sent request the same event and statement ids', async () => {
    const body = fixtureLines('edx/tracking.ndjson').slice(0, 20).join('\n');
    const first = await api.offsetsNow();
    assert.equal((await api.post(body)).status, 200);
    const once = await api.writtenSince(first);
    const second = await api.offsetsNow();
    assert.equal((await api.post(body)).status, 200);
    const twice = await api.writtenSince(second);
    assert.deepEqual(
      twice.events.map((event) => event.eventId).sort(),
      once.events.map((event) => event.eventId).sort(),
    );
    assert.deepEqual(
      twice.statements.map((record) => record.statementId).sort(),
      once.statements.map((record) => record.statementId).sort(),
    );
    assert.ok(once.statements.length > 0);
  });

  it('accepts a JSON array of events', async () => {
    const events = fixtureLines('edx/tracking.ndjson')
      .slice(0, 3)
      .map((line) => JSON.parse(line) as unknown);
    const response = await api.post(JSON.stringify(events), 'application/json');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { accepted: number }).accepted, 3);
  });

  it('refuses a request with a bad line as a whole, naming the line, and writes nothing', async () => {
    const lines = fixtureLines('edx/tracking.ndjson').slice(0, 3);
    const start = await api.offsetsNow();
    const response = await api.post(
      [
        lines[0],
        '{"name": "x", not json',
        lines[1],
        '{"timestamp": "2024-01-01T00:00:00Z"}',
        lines[2],
      ].join('\n'),
    );
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'invalid edX events',
      errors: [
        { line: 2, path: 'event', rule: 'must be JSON text' },
        { line: 4, path: 'event.name', rule: 'name or event_type must be a non-empty string' },
      ],
    });
    // A later accepted event of the same tenant marks the end of the window: had any of the
    // refused request been written, it would sit before this one.
    const marker = JSON.stringify({
      name: uniqueName('marker.event'),
      timestamp: '2024-05-01T12:00:00Z',
      context: { user_id: 1 },
    });
    assert.equal((await api.post(marker)).status, 200);
    const written = await api.writtenSince(start);
    assert.equal(written.events.length, 1);
    assert.equal(written.statements.length, 0);
  });

  it('counts events of unknown names in learnpulse_clickstream_unknown_events_total', async () => {
    const labels = { tenant: api.tenant };
    const name = 'learnpulse_clickstream_unknown_events_total';
    const before = await counterValue(api.baseUrl, METRICS_TOKEN, name, labels);
    const unknown = [1, 2].map((n) =>
      JSON.stringify({
        name: `acme.custom.${String(n)}`,
        timestamp: '2024-05-01T12:00:00Z',
        context: { user_id: n },
      }),
    );
    const response = await api.post(unknown.join('\n'));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { unknown: number }).unknown, 2);
    assert.equal(await counterValue(api.baseUrl, METRICS_TOKEN, name, labels), before + 2);
  });

  it('answers 401 without or with wrong credentials', async () => {
    const body = fixtureLines('edx/tracking.ndjson')[0] ?? '';
    const none = await api.post(body, 'application/x-ndjson', null);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Basic realm="learnpulse"');
    const wrong = await api.post(
      body,
      'application/x-ndjson',
      basicAuthHeader(env.DEMO_LRS_KEY, 'wrong-secret'),
    );
    assert.equal(wrong.status, 401);
  });

  it('answers 413 for a body over HTTP_BODY_LIMIT_BYTES', async () => {
    const line = fixtureLines('edx/tracking.ndjson')[0] ?? '';
    const body = Array.from({ length: Math.ceil(BODY_LIMIT / line.length) + 1 }, () => line).join(
      '\n',
    );
    const response = await api.post(body);
    assert.equal(response.status, 413);
  });

  it('answers 415 for a body type it does not take', async () => {
    const response = await api.post('<events/>', 'application/xml');
    assert.equal(response.status, 415);
    const ldJson = await api.post('{}', 'application/ld+json');
    assert.equal(ldJson.status, 415);
  });
});

describe('POST /edx/events with the learner ids of the Open edX fixtures', () => {
  let env: Environment;
  let app: INestApplication;
  let api: ReturnType<typeof client>;
  const lines = fixtureLines('edx/tracking.ndjson');
  const entries = edxManifest().filter((entry) => entry.xapi_expected !== null);
  // The anonymised user id Open edX gave each fixture's learner, by the line's text.
  const actorByLine = new Map(
    entries.map((entry) => [
      lines[entry.line - 1] ?? '',
      expectedStatements(entry)[0]?.actor.account.name ?? '',
    ]),
  );

  before(async () => {
    const tenant = uniqueName('t').toLowerCase();
    // The LMS_ROOT_URL of the Open edX that wrote the fixtures (part of the actor, so of the ids).
    env = await testEnvironment({
      DEMO_TENANT: tenant,
      EDX_LMS_ROOT_URLS: `${tenant}=http://localhost:18000`,
    });
    const kafka = await setUpKafka(env);
    app = await bootstrapClickstreamGateway(env, {
      learnerIds: () => (event: EdxEvent) => actorByLine.get(event.sourceText ?? '') ?? 'unknown',
    });
    api = client(env, kafka);
  });

  after(async () => {
    await app.close();
  });

  it("writes event-routing-backends' own statement ids", async () => {
    const body = entries.map((entry) => lines[entry.line - 1] ?? '').join('\n');
    const start = await api.offsetsNow();
    const response = await api.post(body);
    assert.equal(response.status, 200, await response.clone().text());
    const written = await api.writtenSince(start);
    // Open edX's statements that are not valid xAPI are left out, as the LRS would refuse them.
    const expected = entries
      .flatMap((entry) => expectedStatements(entry))
      .filter((statement) => validateStatement(statement, { version: '1.0.3' }).length === 0)
      .map((statement) => statement.id.toLowerCase());
    assert.ok(expected.length >= 45, `only ${String(expected.length)} valid expected statements`);
    assert.deepEqual(
      written.statements.map((record) => record.statementId).sort(),
      expected.sort(),
    );
  });
});
