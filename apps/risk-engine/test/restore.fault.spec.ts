/**
 * The engine as a child process is SIGKILLed after the first part of the stream, the second
 * part arrives while it is down, and a new process takes over its group: it restores the
 * partitions from risk-engine.state.v1 (it never replays the first part) and publishes the same
 * scores as an engine that never stopped, fed the same events.
 */
import { createKafka, ReliableProducer } from '@learnpulse/kafka';
import { riskAssessmentCodec } from '@learnpulse/events';
import {
  endOffsets,
  freePort,
  readBetween,
  testEnvironment,
  uniqueName,
} from '@learnpulse/testing';
import { type INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pino from 'pino';
import { bootstrapRiskEngine, type EngineTopics } from '../src';
import {
  courseEvents,
  engineOverrides,
  isolatedTopics,
  produceEvents,
  readAssessments,
  waitForCommitted,
} from './risk-test-kit';

const CHILD = path.resolve(__dirname, 'engine-child.js');

describe('risk-engine restore after SIGKILL', () => {
  const children: ChildProcess[] = [];
  const apps: INestApplication[] = [];
  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const app of apps) await app.close();
  });

  it('restores from its snapshots and publishes the same scores as an uninterrupted engine', async () => {
    const logger = pino({ level: 'silent' });
    const group = uniqueName('risk-fault');
    const env = await testEnvironment(engineOverrides(group, await freePort()));
    const kafka = createKafka(env, 'risk-fault-test', logger);
    const topics = await isolatedTopics(kafka, 2);
    // The reference reads the same events with its own group, state and output topics.
    const reference = await isolatedTopics(kafka, 2);
    const referenceTopics: EngineTopics = { ...reference, events: topics.events };
    const referenceGroup = uniqueName('risk-reference');
    const referenceEnv = await testEnvironment(engineOverrides(referenceGroup, await freePort()));
    apps.push(await bootstrapRiskEngine(referenceEnv, { topics: referenceTopics }));

    const tenants = [uniqueName('uni').toLowerCase(), uniqueName('uni').toLowerCase()];
    const all = tenants
      .flatMap((tenant) => courseEvents(tenant))
      .sort((a, b) => a.occurredAt - b.occurredAt);
    const cut = all.findIndex((e) => e.occurredAt >= all[0]!.occurredAt + 10 * 86_400_000);
    const producer = await ReliableProducer.connect(kafka, logger);
    const start = (): ChildProcess => {
      const child = spawn(process.execPath, [CHILD], {
        env: {
          ...process.env,
          ...engineOverrides(group, env.RISK_ENGINE_PORT),
          KAFKA_BROKERS: env.KAFKA_BROKERS.join(','),
          LOG_LEVEL: 'warn',
          RISK_ENGINE_TEST_TOPICS: JSON.stringify(topics),
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
      return child;
    };
    try {
      const first = start();
      await produceEvents(producer, topics.events, all.slice(0, cut));
      await waitForCommitted(kafka, group, topics.events);
      const beforeKill = await endOffsets(kafka, topics.risk);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));

      await produceEvents(producer, topics.events, all.slice(cut));
      start();
      await waitForCommitted(kafka, group, topics.events, 180_000);
      await waitForCommitted(kafka, referenceGroup, topics.events);

      const killed = await readAssessments(kafka, topics.risk);
      const uninterrupted = await readAssessments(kafka, referenceTopics.risk);
      const view = (list: typeof killed): Map<string, unknown> =>
        new Map(
          list.map((a) => [a.assessmentId, [a.learnerId, a.asOf, a.score, a.level, a.reasons]]),
        );
      const secondPart = (
        await readBetween(kafka, topics.risk, beforeKill, await endOffsets(kafka, topics.risk))
      ).map((record) => riskAssessmentCodec.decode(record.value));
      assert.ok(
        secondPart.length > 0 && killed.length > secondPart.length,
        'both processes published',
      );
      assert.deepEqual(view(killed), view(uninterrupted));
      // The second process did not replay the first part: nothing it published is older than it.
      const firstAfterCut = all[cut]!.occurredAt;
      const midnight = firstAfterCut - (firstAfterCut % 86_400_000);
      for (const a of secondPart) assert.ok(a.asOf >= midnight, `${a.learnerId} ${a.asOf}`);
    } finally {
      await producer.close();
    }
  });
});
