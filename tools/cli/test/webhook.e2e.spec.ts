/**
 * Webhook subscriptions managed through the CLI's functions, with alert-dispatcher running in
 * this process on the real topics: a subscription added at runtime gets the tenant's next alert
 * (signed with the secret `add` printed), `list` shows it, and after `remove` it gets nothing.
 */
import { verifyWebhookSignature } from '@learnpulse/alert-dispatcher';
import type { Environment } from '@learnpulse/config';
import { type RiskAssessment, riskAssessmentCodec } from '@learnpulse/events';
import { createKafka, ReliableProducer, TOPICS } from '@learnpulse/kafka';
import { freePort, testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import type { INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { selectApps, startApps, stopApps } from '../src/app-registry';
import { addWebhook, listWebhooks, removeWebhook } from '../src/commands/webhook.command';

interface Hit {
  path: string;
  signature: string;
  body: string;
}

describe('webhook subscriptions through the CLI (real Kafka, running dispatcher)', () => {
  let env: Environment;
  let apps: INestApplication[];
  let producer: ReliableProducer;
  let server: Server;
  let base: string;
  const hits: Hit[] = [];
  const tenant = uniqueName('uni').toLowerCase();

  before(async () => {
    env = await testEnvironment({
      ALERT_MAX_ATTEMPTS: '2',
      ALERT_RETRY_BASE_MS: '20',
      ALERT_RETRY_MAX_MS: '50',
      ALERT_WEBHOOK_TIMEOUT_MS: '1000',
    });
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        hits.push({
          path: request.url ?? '',
          signature: String(request.headers['x-learnpulse-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(204).end();
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${port}`;
    apps = await startApps(selectApps(['alert-dispatcher']), env);
    const logger = pino({ level: 'silent' });
    producer = await ReliableProducer.connect(createKafka(env, 'webhook-cli-test', logger), logger);
  });

  after(async () => {
    await producer.close();
    await stopApps(apps);
    server.close();
  });

  async function publishRise(learnerId: string): Promise<RiskAssessment> {
    const assessment: RiskAssessment = {
      assessmentId: randomUUID(),
      tenant,
      learnerId,
      courseId: 'course-1',
      score: 0.8,
      level: 'high',
      previousLevel: 'low',
      reasons: [
        {
          detector: 'inactivity',
          text: 'no activity for 12 days',
          weight: 1,
          evidence: { days: 12 },
        },
      ],
      modelVersion: 'test',
      asOf: Date.now(),
      lastActivityAt: null,
    };
    await producer.send([
      {
        topic: TOPICS.learnerRisk,
        messages: [
          { key: `${tenant}:${learnerId}`, value: riskAssessmentCodec.encode(assessment) },
        ],
      },
    ]);
    return assessment;
  }

  const hitsFor = (path: string, assessment: RiskAssessment): Hit[] =>
    hits.filter((h) => h.path === path && h.body.includes(assessment.assessmentId));

  it('delivers to a subscription added at runtime, and stops after it is removed', async () => {
    const added = await addWebhook({ tenant, url: `${base}/one`, minLevel: 'high' }, env);
    const other = await addWebhook({ tenant, url: `${base}/two`, minLevel: 'medium' }, env);
    const listed = await listWebhooks(tenant, env);
    assert.deepEqual(
      listed.map((w) => [w.id, w.minLevel, w.removedAt]).sort(),
      [
        [added.subscription.id, 'high', null],
        [other.subscription.id, 'medium', null],
      ].sort(),
    );

    const first = await publishRise('learner-1');
    const [hit] = await waitFor(
      'the alert at the new subscription',
      () => {
        const found = hitsFor('/one', first);
        return Promise.resolve(found.length > 0 ? found : undefined);
      },
      { timeoutMs: 30_000 },
    );
    assert.ok(hit !== undefined);
    assert.equal(verifyWebhookSignature(added.secret, hit.signature, hit.body), true);

    const removed = await removeWebhook(added.subscription.id, env);
    assert.notEqual(removed.removedAt, null);
    await assert.rejects(removeWebhook(added.subscription.id, env), /already removed/);
    // The dispatcher follows the topic: give it the second it needs, then send the next rise.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const second = await publishRise('learner-2');
    await waitFor(
      'the next alert at the other subscription',
      () => Promise.resolve(hitsFor('/two', second).length > 0 ? true : undefined),
      { timeoutMs: 30_000 },
    );
    assert.equal(hitsFor('/one', second).length, 0, 'a removed subscription gets nothing');
    await removeWebhook(other.subscription.id, env);
  });

  it('refuses an unknown level and a non-http URL', async () => {
    await assert.rejects(
      addWebhook({ tenant, url: `${base}/x`, minLevel: 'severe' }, env),
      /min-level/,
    );
    await assert.rejects(addWebhook({ tenant, url: 'ftp://example.org/x' }, env), /url/);
  });
});
