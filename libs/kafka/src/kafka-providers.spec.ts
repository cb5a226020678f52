import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '@learnpulse/config';
import { Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Kafka } from 'kafkajs';
import pino from 'pino';
import { connectionSettingsOf } from './create-kafka';
import { kafkaProviders, kafkaReadinessCheck } from './kafka-providers';
import { type ReliableProducer } from './reliable-producer';

const KAFKA = Symbol('spec.kafka');
const PRODUCER = Symbol('spec.producer');
const LOGGER = Symbol('spec.logger');
const env = loadConfig({ KAFKA_BROKERS: '127.0.0.1:1', KAFKA_CLIENT_ID: 'unit' });

function logged(): { logger: pino.Logger; messages: string[] } {
  const messages: string[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => messages.push((JSON.parse(line) as { msg: string }).msg) },
  );
  return { logger, messages };
}

async function contextOf(providers: Provider[]) {
  @Module({ providers })
  class SpecModule {}
  return NestFactory.createApplicationContext(SpecModule, { logger: false });
}

describe('kafkaProviders', () => {
  it('provides a client named after the app, made by createKafka, without connecting', async () => {
    const { logger } = logged();
    const app = await contextOf([
      { provide: LOGGER, useValue: logger },
      ...kafkaProviders(env, { clientIdSuffix: 'spec-app', kafka: KAFKA, logger: LOGGER }),
    ]);
    try {
      const settings = connectionSettingsOf(app.get(KAFKA));
      assert.equal(settings.clientId, 'unit-spec-app');
      assert.deepEqual(settings.brokers, ['127.0.0.1:1']);
      assert.throws(() => app.get(PRODUCER));
    } finally {
      await app.close();
    }
  });

  it('with a producer token, connects it from the client and closes it at shutdown', async () => {
    const providers = kafkaProviders(env, {
      clientIdSuffix: 'spec-app',
      kafka: KAFKA,
      logger: LOGGER,
      producer: PRODUCER,
    });
    assert.equal(providers.length, 3);
    const producer = providers[1];
    assert.ok(producer !== undefined && 'useFactory' in producer);
    assert.equal(producer.provide, PRODUCER);
    assert.deepEqual(producer.inject, [KAFKA, LOGGER]);

    // The shutdown provider against a stand-in producer (the real one needs a broker).
    const shutdown = providers[2];
    assert.ok(typeof shutdown === 'function');
    let closed = 0;
    const standIn = {
      close: () => {
        closed++;
        return Promise.resolve();
      },
    } as unknown as ReliableProducer;
    const { logger, messages } = logged();
    const app = await contextOf([
      { provide: LOGGER, useValue: logger },
      { provide: PRODUCER, useValue: standIn },
      shutdown,
    ]);
    assert.equal(closed, 0);
    await app.close();
    assert.equal(closed, 1);
    assert.deepEqual(messages, ['kafka producer flushed and closed']);
  });
});

describe('kafkaReadinessCheck', () => {
  it('is named kafka and runs checkKafka on the client', async () => {
    // A stand-in client whose cluster reports no brokers: checkKafka's own refusal.
    let disconnected = false;
    const admin = {
      connect: () => Promise.resolve(),
      describeCluster: () => Promise.resolve({ brokers: [] }),
      disconnect: () => {
        disconnected = true;
        return Promise.resolve();
      },
    };
    const readiness = kafkaReadinessCheck({ admin: () => admin } as unknown as Kafka);
    assert.equal(readiness.name, 'kafka');
    await assert.rejects(readiness.check(), {
      name: 'KafkaUnavailableError',
      message: 'Kafka reports no brokers',
    });
    assert.equal(disconnected, true);
  });
});
