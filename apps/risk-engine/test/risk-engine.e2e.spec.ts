/**
 * risk-engine on real Kafka (the run's own one-partition topics, so the partition holds the
 * whole cohort): the live engine and the replay (@learnpulse/risk called directly over the same
 * events) give the same scores; a change of level is published with the previous level; an
 * undecodable record goes to the dead-letter topic and the engine goes on; an erasure notice
 * drops a learner, whose snapshot is tombstoned and never written again.
 */
import { type Environment } from '@learnpulse/config';
import { DAY_MS } from '@learnpulse/risk';
import { encodeErasureNotice, type RiskAssessment } from '@learnpulse/events';
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
import { type Kafka } from 'kafkajs';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { bootstrapRiskEngine, type EngineTopics } from '../src';
import {
  courseEvents,
  engineOverrides,
  isolatedTopics,
  produceEvents,
  readAssessments,
  replayScore,
  waitForCommitted,
} from './risk-test-kit';

describe('risk-engine (real Kafka)', () => {
  const logger = pino({ level: 'silent' });
  const tenant = uniqueName('uni').toLowerCase();
  const group = uniqueName('risk-engine-test');
  const events = courseEvents(tenant);
  let env: Environment;
  let kafka: Kafka;
  let topics: EngineTopics;
  let producer: ReliableProducer;
  let app: INestApplication;
  let published: RiskAssessment[];

  before(async () => {
    env = await testEnvironment(engineOverrides(group, await freePort()));
    kafka = createKafka(env, 'risk-engine-test', logger);
    topics = await isolatedTopics(kafka, 1);
    producer = await ReliableProducer.connect(kafka, logger);
    app = await bootstrapRiskEngine(env, { topics });
    await produceEvents(producer, topics.events, events);
    await waitForCommitted(kafka, group, topics.events);
    published = await readAssessments(kafka, topics.risk);
  });

  after(async () => {
    await app.close();
    await producer.close();
  });

  it('gives the same scores, levels and reasons as the replay over the same events', () => {
    assert.ok(published.length >= 8, `at least one assessment per learner (${published.length})`);
    for (const assessment of published) {
      const replayed = replayScore(events, assessment);
      assert.deepEqual(
        { score: assessment.score, level: assessment.level, reasons: assessment.reasons },
        replayed,
        `${assessment.learnerId} as of ${new Date(assessment.asOf).toISOString()}`,
      );
    }
  });

  it('publishes a change of level with the previous level, keyed tenant:learner', async () => {
    const changes = published.filter(
      (a) => a.previousLevel !== null && a.previousLevel !== a.level,
    );
    assert.ok(changes.length > 0, 'some learner changed level');
    const withdrawing = published.filter((a) => a.learnerId === 'withdrawing').at(-1);
    assert.equal(withdrawing?.level, 'high', 'a learner who unenrolled ends at high');
    const ids = new Set(published.map((a) => a.assessmentId));
    assert.equal(ids.size, published.length, 'every assessment has its own stable id');
    for (const a of published) assert.equal(a.tenant, tenant);
    // Re-sent events (same ids) change nothing: no new assessment.
    const before = published.length;
    await produceEvents(producer, topics.events, events.slice(-20));
    await waitForCommitted(kafka, group, topics.events);
    assert.equal((await readAssessments(kafka, topics.risk)).length, before);
  });

  it('sends an undecodable record to the dead-letter topic with its error and goes on', async () => {
    await producer.send([
      {
        topic: topics.events,
        messages: [{ key: `${tenant}:steady-1`, value: Buffer.from([0, 0, 0, 0, 77, 1, 2]) }],
      },
    ]);
    await waitForCommitted(kafka, group, topics.events);
    const consumer = kafka.consumer({ groupId: uniqueName('risk-dlq-read') });
    const letters: { key: string; error: string; source: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: topics.deadLetters, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        letters.push({
          key: message.key?.toString() ?? '',
          error: String(message.headers?.['x-error'] ?? ''),
          source: String(message.headers?.['x-source-topic'] ?? ''),
        });
        return Promise.resolve();
      },
    });
    try {
      await waitFor('the dead letter', () =>
        Promise.resolve(letters.length > 0 ? true : undefined),
      );
    } finally {
      await consumer.disconnect();
    }
    assert.equal(letters.length, 1);
    const [letter] = letters;
    assert.ok(letter !== undefined);
    assert.equal(letter.key, `${tenant}:steady-1`);
    assert.match(letter.error, /schema id 77/);
    assert.equal(letter.source, topics.events);
  });

  it('forgets an erased learner: its snapshot is tombstoned and the next tick does not bring it back', async () => {
    const key = `${tenant}:silent-1`;
    const from = await endOffsets(kafka, topics.state);
    await producer.send([
      {
        topic: topics.erasures,
        messages: [
          {
            key,
            value: encodeErasureNotice({
              tenant,
              learnerId: 'silent-1',
              auditId: 'spec-audit',
              erasedAt: Date.now(),
            }),
          },
        ],
      },
    ]);
    const stateSince = async () =>
      readBetween(kafka, topics.state, from, await endOffsets(kafka, topics.state));
    const tombstoned = await waitFor('the tombstone of the erased learner', async () => {
      const written = await stateSince();
      return written.some((m) => m.key === key && m.tombstone) ? written : undefined;
    });
    assert.deepEqual(
      tombstoned.filter((m) => m.key === key).map((m) => m.tombstone),
      [true],
    );
    // A later day's event ticks the course: every learner still held is reassessed and written.
    const last = events.at(-1);
    assert.ok(last !== undefined);
    const assessmentsBefore = (await readAssessments(kafka, topics.risk)).length;
    await produceEvents(producer, topics.events, [
      {
        ...last,
        eventId: uniqueName('after-erase'),
        learnerId: 'steady-1',
        occurredAt: last.occurredAt + 2 * DAY_MS,
        receivedAt: last.occurredAt + 2 * DAY_MS,
      },
    ]);
    await waitForCommitted(kafka, group, topics.events);
    const written = await stateSince();
    const learners = new Set(written.filter((m) => !m.tombstone).map((m) => m.key));
    assert.ok(learners.has(`${tenant}:steady-2`), 'the tick wrote the other learners');
    assert.ok(!learners.has(key), 'no snapshot of the erased learner after its tombstone');
    const after = (await readAssessments(kafka, topics.risk)).slice(assessmentsBefore);
    assert.ok(
      !after.some((a) => a.learnerId === 'silent-1'),
      'no assessment of the erased learner',
    );
  });
});
