/**
 * alert-dispatcher on real Kafka against a local HTTP receiver: signed deliveries with a stable
 * idempotency key, retries then success, the dead-letter topic after the last try, rise-only
 * alerts with a cooldown that survives a restart, and tenant isolation. Topics and the consumer
 * group are this run's own.
 */
import { type Environment } from '@learnpulse/config';
import { encodeErasureNotice, type RiskAssessment, riskAssessmentCodec } from '@learnpulse/events';
import { createKafka, ReliableProducer } from '@learnpulse/kafka';
import {
  endOffsets,
  freePort,
  readBetween,
  testEnvironment,
  uniqueName,
  waitFor,
} from '@learnpulse/testing';
import { type INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import {
  type AlertPayload,
  type AlertTopics,
  bootstrapAlertDispatcher,
  idempotencyKeyOf,
  verifyWebhookSignature,
  WebhookAdmin,
} from '../src';
import { alertMemoryKey } from '../src/alerts/alert-memory';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver: /ok answers 204, /down 500, /flaky 500 twice per idempotency key then 200. */
async function startReceiver(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const flakyTries = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('/')[1] ?? '';
      const key = String(request.headers['idempotency-key']);
      let status = 204;
      if (path === 'down') status = 500;
      if (path === 'flaky') {
        const tries = (flakyTries.get(key) ?? 0) + 1;
        flakyTries.set(key, tries);
        status = tries <= 2 ? 500 : 200;
      }
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response.writeHead(status).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port, received };
}

const MINUTE = 60_000;

describe('alert-dispatcher (real Kafka, local webhook receiver)', () => {
  const topics: AlertTopics = {
    risk: uniqueName('learnpulse.test.alerts.risk'),
    subscriptions: uniqueName('learnpulse.test.alerts.webhooks'),
    memory: uniqueName('learnpulse.test.alerts.memory'),
    deadLetters: uniqueName('learnpulse.test.alerts.dlq'),
    erasures: uniqueName('learnpulse.test.alerts.erasures'),
  };
  const logger = pino({ level: 'silent' });
  const tenantA = uniqueName('uni-a').toLowerCase();
  const tenantB = uniqueName('uni-b').toLowerCase();
  const tenantF = uniqueName('uni-f').toLowerCase();
  const tenantD = uniqueName('uni-d').toLowerCase();
  let env: Environment;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: WebhookAdmin;
  let producer: ReliableProducer;
  let app: INestApplication | undefined;
  const subs: Record<string, { id: string; secret: string }> = {};

  async function startDispatcher(): Promise<void> {
    app = await bootstrapAlertDispatcher(env, { topics });
  }

  async function stopDispatcher(): Promise<void> {
    await app?.close();
    app = undefined;
  }

  async function publish(...assessments: RiskAssessment[]): Promise<void> {
    await producer.send([
      {
        topic: topics.risk,
        messages: assessments.map((a) => ({
          key: `${a.tenant}:${a.learnerId}`,
          value: riskAssessmentCodec.encode(a),
        })),
      },
    ]);
  }

  const receivedAt = (path: string): Received[] =>
    receiver.received.filter((r) => r.path === `/${path}`);
  const payloadsAt = (path: string): AlertPayload[] =>
    receivedAt(path)
      .filter((r) => r.status < 300)
      .map((r) => JSON.parse(r.body) as AlertPayload);

  before(async () => {
    receiver = await startReceiver();
    env = await testEnvironment({
      ALERT_DISPATCHER_PORT: String(await freePort()),
      ALERT_CONSUMER_GROUP: uniqueName('alerts-test'),
      WEBHOOK_SIGNING_KEY: randomBytes(32).toString('base64url'),
      ALERT_COOLDOWN_MS: String(60 * MINUTE),
      ALERT_MAX_ATTEMPTS: '3',
      ALERT_RETRY_BASE_MS: '50',
      ALERT_RETRY_MAX_MS: '200',
      ALERT_WEBHOOK_TIMEOUT_MS: '2000',
    });
    const kafka = createKafka(env, 'alerts-test', logger);
    admin = await WebhookAdmin.open(kafka, logger, {
      signingKey: env.WEBHOOK_SIGNING_KEY,
      topic: topics.subscriptions,
      clientId: env.KAFKA_CLIENT_ID,
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    });
    const base = `http://127.0.0.1:${receiver.port}`;
    for (const [name, tenant, path] of [
      ['a', tenantA, 'ok'],
      ['b', tenantB, 'okb'],
      ['f', tenantF, 'flaky'],
      ['d', tenantD, 'down'],
    ] as const) {
      const added = await admin.add({ tenant, url: `${base}/${path}`, minLevel: 'medium' });
      subs[name] = { id: added.subscription.id, secret: added.secret };
    }
    producer = await ReliableProducer.connect(kafka, logger);
    await startDispatcher();
  });

  after(async () => {
    await stopDispatcher();
    await producer.close();
    await admin.close();
    receiver.server.close();
  });

  function assessment(
    tenant: string,
    learnerId: string,
    overrides: Partial<RiskAssessment> = {},
  ): RiskAssessment {
    return {
      assessmentId: randomUUID(),
      tenant,
      learnerId,
      courseId: 'course-1',
      score: 0.62,
      level: 'medium',
      previousLevel: 'low',
      reasons: [
        {
          detector: 'inactivity',
          text: 'no activity for 9 days; cohort median 2',
          weight: 0.4,
          evidence: { daysInactive: 9, cohortMedianDays: 2 },
        },
      ],
      modelVersion: 'test-1',
      asOf: Date.now() - 10 * MINUTE,
      lastActivityAt: Date.now() - 9 * 24 * 60 * MINUTE,
      ...overrides,
    };
  }

  it('delivers a rise signed with the subscription secret and a stable idempotency key', async () => {
    const rise = assessment(tenantA, 'learner-sig');
    await publish(rise);
    const [request] = await waitFor('the signed alert', async () => {
      const found = receivedAt('ok').filter((r) => r.body.includes(rise.assessmentId));
      return Promise.resolve(found.length > 0 ? found : undefined);
    });
    assert.ok(request !== undefined);
    const signature = request.headers['x-learnpulse-signature'];
    assert.equal(typeof signature, 'string');
    assert.equal(verifyWebhookSignature(subs.a!.secret, String(signature), request.body), true);
    assert.equal(verifyWebhookSignature(subs.b!.secret, String(signature), request.body), false);
    assert.equal(
      request.headers['idempotency-key'],
      idempotencyKeyOf(subs.a!.id, rise.assessmentId),
    );
    const payload = JSON.parse(request.body) as AlertPayload;
    assert.equal(payload.level, 'medium');
    assert.equal(payload.previousLevel, 'low');
    assert.equal(payload.learnerId, 'learner-sig');
    assert.equal(payload.reasons[0]?.evidence.daysInactive, 9);
    assert.equal(payload.id, request.headers['idempotency-key']);
  });

  it('retries a 500 with backoff and the same idempotency key until it succeeds', async () => {
    const rise = assessment(tenantF, 'learner-flaky', { level: 'high', previousLevel: 'medium' });
    await publish(rise);
    const tries = await waitFor('the third, successful try', async () => {
      const found = receivedAt('flaky').filter((r) => r.body.includes(rise.assessmentId));
      return Promise.resolve(found.some((r) => r.status === 200) ? found : undefined);
    });
    assert.deepEqual(
      tries.map((r) => [r.status, r.headers['x-learnpulse-delivery-attempt']]),
      [
        [500, '1'],
        [500, '2'],
        [200, '3'],
      ],
    );
    const keys = new Set(tries.map((r) => r.headers['idempotency-key']));
    assert.deepEqual([...keys], [idempotencyKeyOf(subs.f!.id, rise.assessmentId)]);
  });

  it('sends an alert to the dead-letter topic with its error after the last try, and goes on', async () => {
    const rise = assessment(tenantD, 'learner-down');
    const undecodable = Buffer.from([0, 0, 0, 0, 99, 1, 2, 3]);
    await producer.send([
      { topic: topics.risk, messages: [{ key: `${tenantD}:learner-down`, value: undecodable }] },
    ]);
    await publish(rise);
    const kafka = createKafka(env, 'alerts-test', logger);
    const letters: { key: string; value: Buffer; headers: Record<string, string> }[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('alerts-dlq-read') });
    await consumer.connect();
    await consumer.subscribe({ topic: topics.deadLetters, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          headers[name] = String(value);
        }
        letters.push({
          key: message.key?.toString('utf8') ?? '',
          value: message.value ?? Buffer.alloc(0),
          headers,
        });
        return Promise.resolve();
      },
    });
    try {
      await waitFor('two dead letters', () =>
        Promise.resolve(letters.length >= 2 ? true : undefined),
      );
    } finally {
      await consumer.disconnect();
    }
    assert.equal(letters.length, 2);
    const alertLetter = letters.find((l) => l.value.toString('utf8').includes(rise.assessmentId));
    assert.ok(alertLetter !== undefined, 'the undelivered alert is on the dead-letter topic');
    assert.equal(alertLetter.key, `${tenantD}:learner-down`);
    assert.equal(alertLetter.headers['x-error'], 'HTTP 500');
    assert.equal(alertLetter.headers['x-attempts'], '3');
    assert.equal(alertLetter.headers['x-subscription-id'], subs.d!.id);
    assert.equal(
      alertLetter.headers['idempotency-key'],
      idempotencyKeyOf(subs.d!.id, rise.assessmentId),
    );
    const bad = letters.find((l) => l.value.equals(undecodable));
    assert.ok(bad !== undefined, 'the undecodable record is on the dead-letter topic as it was');
    assert.ok((bad.headers['x-error'] ?? '').length > 0);
    assert.equal(bad.headers['x-source-topic'], topics.risk);
    assert.equal(
      receivedAt('down').filter((r) => r.body.includes(rise.assessmentId)).length,
      3,
      'three tries, then the dead-letter topic',
    );
  });

  it('alerts only on a rise, holds a second rise back within the cooldown, also after a restart', async () => {
    const learner = 'learner-cool';
    const t0 = Date.now() - 30 * MINUTE;
    const first = assessment(tenantA, learner, { asOf: t0 });
    const secondRise = assessment(tenantA, learner, {
      level: 'high',
      previousLevel: 'medium',
      asOf: t0 + MINUTE,
    });
    const fall = assessment(tenantA, learner, {
      level: 'low',
      previousLevel: 'high',
      asOf: t0 + 2 * MINUTE,
    });
    // Same key, same partition: once this one arrives the three before it were handled.
    const otherCourse = assessment(tenantA, learner, {
      courseId: 'course-2',
      asOf: t0 + 3 * MINUTE,
    });
    await publish(first, secondRise, fall, otherCourse);
    await waitFor('the other course alert', () =>
      Promise.resolve(
        payloadsAt('ok').some((p) => p.assessmentId === otherCourse.assessmentId)
          ? true
          : undefined,
      ),
    );
    const mine = (): string[] =>
      payloadsAt('ok')
        .filter((p) => p.learnerId === learner)
        .map((p) => p.assessmentId);
    assert.deepEqual(mine(), [first.assessmentId, otherCourse.assessmentId]);

    // The cooldown is remembered on Kafka: a new process holds back a rise within it too, and
    // re-delivers nothing it already committed.
    await stopDispatcher();
    await startDispatcher();
    const afterRestart = assessment(tenantA, learner, {
      level: 'high',
      previousLevel: 'low',
      asOf: t0 + 4 * MINUTE,
    });
    const sentinel = assessment(tenantA, learner, { courseId: 'course-3', asOf: t0 + 5 * MINUTE });
    await publish(afterRestart, sentinel);
    await waitFor(
      'the sentinel alert after the restart',
      () =>
        Promise.resolve(
          payloadsAt('ok').some((p) => p.assessmentId === sentinel.assessmentId) ? true : undefined,
        ),
      { timeoutMs: 90_000 },
    );
    assert.deepEqual(mine(), [first.assessmentId, otherCourse.assessmentId, sentinel.assessmentId]);
  });

  it('sends nothing for a fall or an unchanged level, even with no alert before', async () => {
    const learner = 'learner-fall';
    const fall = assessment(tenantA, learner, { level: 'low', previousLevel: 'high' });
    const same = assessment(tenantA, learner, {
      level: 'high',
      previousLevel: 'high',
      asOf: fall.asOf + 1000,
    });
    const sentinel = assessment(tenantA, learner, { courseId: 'course-9', asOf: fall.asOf + 2000 });
    await publish(fall, same, sentinel);
    await waitFor('the sentinel alert', () =>
      Promise.resolve(
        payloadsAt('ok').some((p) => p.assessmentId === sentinel.assessmentId) ? true : undefined,
      ),
    );
    assert.deepEqual(
      payloadsAt('ok')
        .filter((p) => p.learnerId === learner)
        .map((p) => p.assessmentId),
      [sentinel.assessmentId],
    );
  });

  it("never sends one tenant's alerts to another tenant's subscription", async () => {
    const forA = assessment(tenantA, 'learner-iso-a');
    const forB = assessment(tenantB, 'learner-iso-b');
    await publish(forA, forB);
    await waitFor('both alerts', () =>
      Promise.resolve(
        payloadsAt('ok').some((p) => p.assessmentId === forA.assessmentId) &&
          payloadsAt('okb').some((p) => p.assessmentId === forB.assessmentId)
          ? true
          : undefined,
      ),
    );
    assert.ok(receivedAt('okb').length > 0);
    for (const request of receivedAt('okb')) {
      const payload = JSON.parse(request.body) as AlertPayload;
      assert.equal(payload.tenant, tenantB);
      assert.equal(request.headers['x-learnpulse-subscription'], subs.b!.id);
    }
    for (const payload of payloadsAt('ok')) assert.equal(payload.tenant, tenantA);
    assert.equal(payloadsAt('ok').filter((p) => p.assessmentId === forB.assessmentId).length, 0);
  });

  it('stops alerting about an erased learner and tombstones the alert memory held for them', async () => {
    const kafka = createKafka(env, 'alerts-test', logger);
    const learner = 'learner-erased';
    const first = assessment(tenantA, learner, { courseId: 'course-e1' });
    await publish(first);
    await waitFor('the alert before the erasure', () =>
      Promise.resolve(
        payloadsAt('ok').some((p) => p.assessmentId === first.assessmentId) ? true : undefined,
      ),
    );
    const memoryKey = alertMemoryKey({
      subscriptionId: subs.a!.id,
      tenant: tenantA,
      learnerId: learner,
      courseId: 'course-e1',
    });
    const from = await endOffsets(kafka, topics.memory);
    await producer.send([
      {
        topic: topics.erasures,
        messages: [
          {
            key: `${tenantA}:${learner}`,
            value: encodeErasureNotice({
              tenant: tenantA,
              learnerId: learner,
              auditId: 'spec-audit',
              erasedAt: Date.now(),
            }),
          },
        ],
      },
    ]);
    await waitFor('the tombstone of the erased learner’s alert memory', async () => {
      const written = await readBetween(
        kafka,
        topics.memory,
        from,
        await endOffsets(kafka, topics.memory),
      );
      return written.some((m) => m.key === memoryKey && m.tombstone) ? true : undefined;
    });
    // A new rise for the erased learner raises nothing; another learner's still does. Both go
    // under the erased learner's key, so one partition, in order: once the second alert is
    // here, the first assessment was handled.
    const afterErase = assessment(tenantA, learner, { courseId: 'course-e2' });
    const sentinel = assessment(tenantA, 'learner-after-erase');
    await producer.send([
      {
        topic: topics.risk,
        messages: [afterErase, sentinel].map((a) => ({
          key: `${tenantA}:${learner}`,
          value: riskAssessmentCodec.encode(a),
        })),
      },
    ]);
    await waitFor('the other learner’s alert', () =>
      Promise.resolve(
        payloadsAt('ok').some((p) => p.assessmentId === sentinel.assessmentId) ? true : undefined,
      ),
    );
    assert.ok(!payloadsAt('ok').some((p) => p.assessmentId === afterErase.assessmentId));
  });
});
