import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { loadConfig } from '@learnpulse/config';
import { logLevel } from 'kafkajs';
import pino from 'pino';
import { createKafka, kafkajsLevelFor, kafkajsLogEntry, pinoLogCreator } from './create-kafka';

function capture(level: string): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

describe('kafkajs logging through pino', () => {
  it('keeps kafkajs at WARN unless the logger asks for debug output', () => {
    assert.equal(kafkajsLevelFor(capture('info').logger), logLevel.WARN);
    assert.equal(kafkajsLevelFor(capture('debug').logger), logLevel.INFO);
    assert.equal(kafkajsLevelFor(capture('trace').logger), logLevel.DEBUG);
    assert.equal(kafkajsLevelFor(capture('silent').logger), logLevel.NOTHING);
  });

  it('writes a kafkajs entry as one pino line with its namespace and fields', () => {
    const { logger, lines } = capture('info');
    const write = pinoLogCreator(logger)(logLevel.WARN);
    write({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'connection lost', logger: 'kafkajs', broker: 'b:9092' },
    });
    assert.equal(lines.length, 1);
    assert.deepEqual(
      { ...lines[0], time: 0, pid: 0, hostname: '' },
      {
        level: 50,
        time: 0,
        pid: 0,
        hostname: '',
        component: 'kafkajs',
        namespace: 'Connection',
        logger: 'kafkajs',
        broker: 'b:9092',
        msg: 'connection lost',
      },
    );
  });
});

describe('kafkajsLogEntry', () => {
  const entry = (level: logLevel) =>
    kafkajsLogEntry({
      namespace: 'Consumer',
      level,
      label: '',
      log: { timestamp: 'now', message: 'rebalancing', logger: 'kafkajs', groupId: 'g' },
    });

  it('names each kafkajs level as pino does', () => {
    assert.equal(entry(logLevel.ERROR).level, 'error');
    assert.equal(entry(logLevel.WARN).level, 'warn');
    assert.equal(entry(logLevel.INFO).level, 'info');
    assert.equal(entry(logLevel.DEBUG).level, 'debug');
  });

  it('keeps the message apart and drops kafkajs own timestamp from the fields', () => {
    assert.deepEqual(entry(logLevel.WARN), {
      level: 'warn',
      message: 'rebalancing',
      fields: { namespace: 'Consumer', logger: 'kafkajs', groupId: 'g' },
    });
  });
});

describe('kafkajsLogEntry for responses of a settling partition', () => {
  const response = (namespace: string, error: string) =>
    kafkajsLogEntry({
      namespace,
      level: logLevel.ERROR,
      label: 'ERROR',
      log: {
        timestamp: 'now',
        message: 'Response ListOffsets(key: 2, version: 3)',
        logger: 'kafkajs',
        error,
      },
    }).level;

  it('logs the not-leader and no-leader answers the callers retry at debug', () => {
    assert.equal(
      response('Connection', 'This server is not the leader for that topic-partition'),
      'debug',
    );
    assert.equal(
      response(
        'Connection',
        'There is no leader for this topic-partition as we are in the middle of a leadership election',
      ),
      'debug',
    );
    assert.equal(response('Connection', 'This server does not host this topic-partition'), 'debug');
  });

  it('keeps other response errors, and these errors elsewhere, at error', () => {
    assert.equal(
      response('Connection', 'Not authorized to access topics: [Topic authorization failed]'),
      'error',
    );
    assert.equal(
      response('Producer', 'This server is not the leader for that topic-partition'),
      'error',
    );
  });
});

describe('createKafka', () => {
  it('builds a client without connecting', () => {
    const env = loadConfig({ KAFKA_BROKERS: '127.0.0.1:1', KAFKA_CLIENT_ID: 'unit' });
    const kafka = createKafka(env, 'spec', capture('silent').logger);
    assert.equal(typeof kafka.producer, 'function');
  });
});
