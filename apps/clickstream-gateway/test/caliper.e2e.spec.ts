/**
 * POST /caliper against the real Kafka of the test stack: every envelope of the Caliper
 * specification's fixtures (and every event and entity wrapped in an envelope) is accepted and
 * its events land on learning.events.v1; every invalid fixture is refused with its errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearerAuthHeader } from '@learnpulse/auth';
import { type Environment } from '@learnpulse/config';
import { type LearningEvent, learningEventCodec } from '@learnpulse/events';
import { createKafka, ensureTopics, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import { endOffsets, type Offsets, readBetween, testEnvironment } from '@learnpulse/testing';
import { type INestApplication } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { bootstrapClickstreamGateway } from '../src/index';
import { fixtureFiles, fixtureText } from './shared-fixtures';

const SENSOR = 'https://example.edu/sensors/1';

/** An envelope around a fixture's text as is, so its number literals (Decimals) stay as written. */
function envelope(version: 'v1p1' | 'v1p2', items: readonly string[]): string {
  return `{"sensor":"${SENSOR}","sendTime":"${new Date().toISOString()}","dataVersion":"http://purl.imsglobal.org/ctx/caliper/${version}","data":[${items.join(',')}]}`;
}

/** The version an invalid fixture claims (its @context); 1.2 when it names none. */
function versionOf(text: string): 'v1p1' | 'v1p2' {
  return text.includes('/ctx/caliper/v1p1') ? 'v1p1' : 'v1p2';
}

interface Answer {
  accepted: number;
  entities: number;
}

describe('POST /caliper (real Kafka)', () => {
  let env: Environment;
  let app: INestApplication;
  let kafka: Kafka;
  let url: string;
  let authorization: string;
  let tenant: string;

  before(async () => {
    env = await testEnvironment();
    kafka = createKafka(env, 'clickstream-gateway-test');
    await ensureTopics(kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: TOPIC_SPECS.filter((spec) => spec.name === TOPICS.learningEvents),
    });
    app = await bootstrapClickstreamGateway(env);
    url = `http://${env.HTTP_HOST}:${env.CLICKSTREAM_GATEWAY_PORT}/caliper`;
    authorization = bearerAuthHeader(env.DEMO_CALIPER_TOKEN ?? '');
    tenant = env.DEMO_TENANT;
  });

  after(async () => {
    await app.close();
  });

  function post(
    body: string,
    contentType: string | null = 'application/json',
    auth: string | null = authorization,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (auth !== null) headers.authorization = auth;
    if (contentType !== null) headers['content-type'] = contentType;
    return fetch(url, { method: 'POST', headers, body });
  }

  async function eventsSince(from: Offsets): Promise<{ events: LearningEvent[]; keys: string[] }> {
    const to = await endOffsets(kafka, TOPICS.learningEvents);
    const messages = (await readBetween(kafka, TOPICS.learningEvents, from, to)).filter((message) =>
      message.key.startsWith(`${tenant}:`),
    );
    return {
      events: messages.map((message) => learningEventCodec.decode(message.value)),
      keys: messages.map((message) => message.key),
    };
  }

  for (const version of ['v1p1', 'v1p2'] as const) {
    it(`accepts every ${version} envelope fixture and writes its events`, async () => {
      const files = fixtureFiles(`caliper/${version}`).filter((name) =>
        name.startsWith('caliperEnvelope'),
      );
      assert.ok(files.length >= 5, `only ${String(files.length)} envelopes`);
      const start = await endOffsets(kafka, TOPICS.learningEvents);
      let accepted = 0;
      for (const file of files) {
        const response = await post(
          fixtureText(`caliper/${version}/${file}`),
          'application/ld+json',
        );
        assert.equal(response.status, 200, `${file}: ${await response.clone().text()}`);
        accepted += ((await response.json()) as Answer).accepted;
      }
      assert.ok(accepted > 0);
      const { events, keys } = await eventsSince(start);
      assert.equal(events.length, accepted);
      for (const [index, event] of events.entries()) {
        assert.equal(event.source, 'caliper');
        assert.equal(event.tenant, tenant);
        assert.equal(event.learnerAnonymous, false);
        assert.equal(keys[index], `${tenant}:${event.learnerId}`);
      }
    });

    it(`accepts every ${version} event and entity fixture wrapped in an envelope`, async () => {
      const files = fixtureFiles(`caliper/${version}`).filter(
        (name) => name.startsWith('caliperEvent') || name.startsWith('caliperEntity'),
      );
      const events = files.filter((name) => name.startsWith('caliperEvent'));
      const start = await endOffsets(kafka, TOPICS.learningEvents);
      let accepted = 0;
      for (const file of files) {
        const response = await post(envelope(version, [fixtureText(`caliper/${version}/${file}`)]));
        assert.equal(response.status, 200, `${file}: ${await response.clone().text()}`);
        const answer = (await response.json()) as Answer;
        assert.equal(answer.accepted + answer.entities, 1, file);
        accepted += answer.accepted;
      }
      assert.equal(accepted, events.length);
      const written = await eventsSince(start);
      assert.equal(written.events.length, events.length);
      // Caliper event ids are the events' own urn:uuid ids: a re-send deduplicates downstream.
      const ids = events.map((file) => {
        const id = (JSON.parse(fixtureText(`caliper/${version}/${file}`)) as { id: string }).id;
        return id.replace(/^urn:uuid:/i, '').toLowerCase();
      });
      assert.deepEqual(written.events.map((event) => event.eventId).sort(), ids.sort());
    });
  }

  it('refuses every invalid fixture, wrapped in an envelope, with 400 and its errors, writing nothing', async () => {
    const files = fixtureFiles('caliper/invalid');
    assert.ok(files.length >= 100, `only ${String(files.length)} invalid fixtures`);
    const start = await endOffsets(kafka, TOPICS.learningEvents);
    for (const file of files) {
      const text = fixtureText(`caliper/invalid/${file}`);
      const response = await post(envelope(versionOf(text), [text]));
      assert.equal(response.status, 400, file);
      const body = (await response.json()) as {
        error: string;
        errors: { path: string; rule: string }[];
      };
      assert.equal(body.error, 'invalid Caliper envelope', file);
      assert.ok(body.errors.length > 0, file);
      for (const error of body.errors) {
        assert.equal(typeof error.path, 'string');
        assert.equal(typeof error.rule, 'string');
      }
    }
    // A valid envelope marks the end of the window: nothing of the refused ones sits before it.
    const marker = fixtureText('caliper/v1p2/caliperEnvelopeEventSingle.json');
    assert.equal((await post(marker)).status, 200);
    assert.equal((await eventsSince(start)).events.length, 1);
  });

  it('names the broken property of an invalid envelope', async () => {
    const response = await post(
      JSON.stringify({
        sensor: SENSOR,
        sendTime: 'yesterday',
        dataVersion: 'http://purl.imsglobal.org/ctx/caliper/v1p2',
        data: [],
      }),
    );
    assert.equal(response.status, 400);
    const body = (await response.json()) as { errors: { path: string }[] };
    assert.ok(
      body.errors.some((error) => error.path === 'sendTime'),
      JSON.stringify(body),
    );
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await post('{"sensor": ');
    assert.equal(response.status, 400);
    const body = (await response.json()) as { errors: { path: string }[] };
    assert.equal(body.errors[0]?.path, 'body');
  });

  it('answers 401 with WWW-Authenticate without a Bearer token or with a wrong one', async () => {
    const body = fixtureText('caliper/v1p2/caliperEnvelopeEventSingle.json');
    const none = await post(body, 'application/json', null);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="learnpulse"');
    const wrong = await post(
      body,
      'application/json',
      bearerAuthHeader(`${env.DEMO_CALIPER_TOKEN ?? ''}x`),
    );
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    const basic = await post(body, 'application/json', 'Basic ZGVtbzpkZW1v');
    assert.equal(basic.status, 401);
  });

  it('answers 415 for a body that is not application/json or application/ld+json', async () => {
    const body = fixtureText('caliper/v1p2/caliperEnvelopeEventSingle.json');
    assert.equal((await post(body, 'text/plain')).status, 415);
    assert.equal((await post(body, 'application/x-ndjson')).status, 415);
  });
});
