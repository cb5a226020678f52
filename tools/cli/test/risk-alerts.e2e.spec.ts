/**
 * The risk path end to end, as `npm start` runs it: events on learning.events.v1 → risk-engine
 * (libs/risk) → learner.risk.v1 → alert-dispatcher → a signed webhook at a local receiver. A
 * learner who withdraws today raises a high-risk alert with its reasons; the tenant's other,
 * steady learners raise none at high.
 */
import { verifyWebhookSignature, type AlertPayload } from '@learnpulse/alert-dispatcher';
import type { Environment } from '@learnpulse/config';
import { deriveEventId, type LearningEvent } from '@learnpulse/events';
import { createKafka, learningEventRecords, ReliableProducer } from '@learnpulse/kafka';
import { freePort, testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import type { INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { selectApps, startApps, stopApps } from '../src/app-registry';
import { addWebhook } from '../src/commands/webhook.command';

const DAY = 86_400_000;
const NS = '0b9f2c57-1d0e-4a53-9a39-7a3f9d3e2c10';

describe('risk alerts end to end (real Kafka, engine and dispatcher running)', () => {
  let env: Environment;
  let apps: INestApplication[];
  let server: Server;
  const received: { signature: string; body: string }[] = [];
  const tenant = uniqueName('uni').toLowerCase();
  const course = 'https://lms.example.edu/course/HIST200';

  before(async () => {
    env = await testEnvironment();
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          signature: String(request.headers['x-learnpulse-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(204).end();
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    apps = await startApps(selectApps(['risk-engine', 'alert-dispatcher']), env);
  });

  after(async () => {
    await stopApps(apps);
    server.close();
  });

  function events(): LearningEvent[] {
    const today = Math.floor(Date.now() / DAY) * DAY;
    const list: LearningEvent[] = [];
    const add = (learnerId: string, at: number, action: LearningEvent['action']): void => {
      list.push({
        eventId: deriveEventId(NS, [tenant, learnerId, String(at), action]),
        tenant,
        source: 'xapi',
        learnerId,
        learnerAnonymous: false,
        courseId: course,
        objectId: action === 'viewed' ? `${course}/page` : course,
        objectType: 'page',
        action,
        score: null,
        occurredAt: at,
        receivedAt: at,
        payload: '{}',
      });
    };
    const learners = ['steady-a', 'steady-b', 'steady-c', 'withdrawing'];
    learners.forEach((learner, i) => {
      add(learner, today - 12 * DAY + i * 60_000, 'enrolled');
      for (let d = 12; d >= 1; d -= 1) add(learner, today - d * DAY + 3_600_000 + i, 'viewed');
    });
    // Early today: the withdrawing learner unenrols (a minute ago at the latest).
    add('withdrawing', Math.min(today + 60_000, Date.now() - 60_000), 'unenrolled');
    return list.sort((a, b) => a.occurredAt - b.occurredAt);
  }

  it('sends a signed high-risk alert with reasons for a learner who withdrew', async () => {
    const { secret } = await addWebhook(
      {
        tenant,
        url: `http://127.0.0.1:${String((server.address() as { port: number }).port)}/hook`,
        minLevel: 'high',
      },
      env,
    );
    const logger = pino({ level: 'silent' });
    const producer = await ReliableProducer.connect(
      createKafka(env, 'risk-alerts-test', logger),
      logger,
    );
    try {
      await producer.send([learningEventRecords(events())]);
    } finally {
      await producer.close();
    }
    const alert = await waitFor(
      'the withdrawal alert',
      () => {
        const hit = received.find((r) => r.body.includes('"withdrawing"'));
        return Promise.resolve(hit);
      },
      { timeoutMs: 90_000 },
    );
    assert.equal(verifyWebhookSignature(secret, alert.signature, alert.body), true);
    const payload = JSON.parse(alert.body) as AlertPayload;
    assert.equal(payload.tenant, tenant);
    assert.equal(payload.level, 'high');
    assert.notEqual(payload.previousLevel, 'high');
    assert.ok(payload.reasons.length > 0, 'the alert says why');
    assert.ok(payload.reasons.some((r) => Object.keys(r.evidence).length > 0));
    const others = received.map((r) => JSON.parse(r.body) as AlertPayload);
    assert.deepEqual(
      [...new Set(others.map((p) => p.learnerId))],
      ['withdrawing'],
      'only the learner who withdrew reached high',
    );
  });
});
