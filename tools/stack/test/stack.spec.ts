/**
 * Runs a second, throw-away broker from a temporary LEARNPULSE_HOME on ports 19092/19093,
 * so the broker other tests use on 9092 is not disturbed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig, type Environment } from '@learnpulse/config';
import { createKafka, ReliableProducer, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import pino from 'pino';
import { PortInUseError, stackDown, stackStatus, stackUp } from '../src';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local stack with a managed broker', () => {
  let root: string;
  let env: Environment;
  let firstPid: number | undefined;
  const lines: string[] = [];

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'learnpulse-stack-'));
    env = loadConfig({
      LEARNPULSE_HOME: path.join(root, 'home'),
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_CONTROLLER_PORT: '19093',
      KAFKA_TOPIC_PARTITIONS: '2',
    });
  });

  after(async () => {
    await stackDown(env);
    await rm(root, { recursive: true, force: true });
  });

  it('stackUp starts one broker that acknowledges records, with every topic created', async () => {
    // Two at once (a test run and `npm start`, say) must end with one broker.
    // Whichever takes the lock first starts it; the other reuses it.
    const both = await Promise.all([
      stackUp(env, { log: (line) => lines.push(line) }),
      stackUp(env, { log: (line) => lines.push(line) }),
    ]);
    const starters = both.filter((s) => s.kafka.startedNow);
    assert.equal(starters.length, 1);
    const state = starters[0]!;
    assert.equal(both[0].kafka.pid, both[1].kafka.pid);
    assert.equal(state.kafka.managed, true);
    assert.deepEqual(state.kafka.brokers, ['127.0.0.1:19092']);
    assert.ok(state.kafka.pid !== undefined && isAlive(state.kafka.pid));
    assert.equal(state.kafka.logFile, path.join(env.LEARNPULSE_HOME, 'logs', 'kafka.log'));
    assert.ok(existsSync(path.join(env.LEARNPULSE_HOME, 'kafka', 'kafka.pid')));
    assert.deepEqual(state.clickhouse, {
      mode: 'embedded',
      path: path.join(env.LEARNPULSE_HOME, 'clickhouse'),
    });
    assert.ok(existsSync(path.join(env.LEARNPULSE_HOME, 'clickhouse')));
    firstPid = state.kafka.pid;

    const logger = pino({ level: 'silent' });
    const producer = await ReliableProducer.connect(createKafka(env, 'stack-spec', logger), logger);
    try {
      await producer.send([
        { topic: TOPICS.learningEvents, messages: [{ key: 'demo:l1', value: 'x' }] },
      ]);
    } finally {
      await producer.close();
    }
  });

  it('stackStatus shows the running broker and each topic with its partitions', async () => {
    const status = await stackStatus(env);
    assert.equal(status.kafka.running, true);
    assert.equal(status.kafka.pid, firstPid);
    assert.equal(status.kafka.reachable, true);
    assert.deepEqual(
      status.kafka.topics,
      TOPIC_SPECS.map((spec) => ({ name: spec.name, partitions: 2 })),
    );
    assert.deepEqual(status.kafka.missingTopics, []);
    assert.equal(status.clickhouse.ready, true);
  });

  it('stackUp again reuses the running broker', async () => {
    const state = await stackUp(env, { log: (line) => lines.push(line) });
    assert.equal(state.kafka.pid, firstPid);
    assert.equal(state.kafka.startedNow, false);
    assert.ok(lines.some((line) => line.includes('already running')));
  });

  it('with external Kafka, stackUp starts nothing and only ensures the topics', async () => {
    const externalHome = path.join(root, 'external');
    const external = loadConfig({
      LEARNPULSE_HOME: externalHome,
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_TOPIC_PARTITIONS: '2',
    });
    const state = await stackUp(external, { externalKafka: true });
    assert.deepEqual(state.kafka, {
      brokers: ['127.0.0.1:19092'],
      managed: false,
      startedNow: false,
    });
    assert.equal(existsSync(path.join(externalHome, 'kafka')), false);
  });

  it('refuses to start a broker on a port another process holds, before fetching anything', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as net.AddressInfo;
    const busyHome = path.join(root, 'busy');
    try {
      const busy = loadConfig({
        LEARNPULSE_HOME: busyHome,
        KAFKA_BROKERS: `127.0.0.1:${port}`,
        KAFKA_CONTROLLER_PORT: '19094',
      });
      await assert.rejects(stackUp(busy), (error: unknown) => {
        assert.ok(error instanceof PortInUseError);
        assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port} \\(Kafka broker\\)`));
        return true;
      });
      assert.equal(existsSync(path.join(busyHome, 'kafka', 'libs')), false);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('stackDown stops the broker and removes its pid file; a second call is a no-op', async () => {
    const stopLines: string[] = [];
    const result = await stackDown(env, { log: (line) => stopLines.push(line) });
    assert.equal(result.pid, firstPid);
    assert.equal(result.outcome, 'stopped');
    assert.deepEqual(stopLines, [`kafka: stopping the broker (pid ${firstPid})`, 'kafka: stopped']);
    assert.ok(firstPid !== undefined && !isAlive(firstPid));
    assert.equal(existsSync(path.join(env.LEARNPULSE_HOME, 'kafka', 'kafka.pid')), false);

    const status = await stackStatus(env);
    assert.equal(status.kafka.running, false);
    assert.equal(status.kafka.reachable, false);
    assert.deepEqual(await stackDown(env), { outcome: 'not-running' });
  });
});
