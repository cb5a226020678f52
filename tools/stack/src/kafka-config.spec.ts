import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '@learnpulse/config';
import { brokerEndpoints, renderLog4j2Properties, renderServerProperties } from './kafka-config';
import { resolveStackPaths } from './stack-paths';

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
}

describe('renderServerProperties', () => {
  const env = loadConfig({
    LEARNPULSE_HOME: '/srv/lp',
    KAFKA_BROKERS: '127.0.0.1:19092,127.0.0.1:29092',
    KAFKA_CONTROLLER_PORT: '19093',
    KAFKA_TOPIC_PARTITIONS: '6',
  });
  const props = parse(renderServerProperties(env, resolveStackPaths(env, '/repo')));

  it('runs one KRaft node as broker and controller on the ports of the environment', () => {
    assert.equal(props.get('process.roles'), 'broker,controller');
    assert.equal(props.get('node.id'), '1');
    assert.equal(
      props.get('listeners'),
      'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
    );
    assert.equal(props.get('advertised.listeners'), 'PLAINTEXT://127.0.0.1:19092');
    assert.equal(props.get('controller.quorum.bootstrap.servers'), '127.0.0.1:19093');
    assert.equal(props.get('controller.listener.names'), 'CONTROLLER');
  });

  it('keeps data under LEARNPULSE_HOME and takes partitions from KAFKA_TOPIC_PARTITIONS', () => {
    assert.equal(props.get('log.dirs'), '/srv/lp/kafka/data');
    assert.equal(props.get('num.partitions'), '6');
  });

  it('uses one replica everywhere, no auto-created topics, no initial rebalance delay', () => {
    for (const key of [
      'default.replication.factor',
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
    ]) {
      assert.equal(props.get(key), '1', key);
    }
    assert.equal(props.get('auto.create.topics.enable'), 'false');
    assert.equal(props.get('group.initial.rebalance.delay.ms'), '0');
  });

  it('refuses a controller port equal to the broker port', () => {
    const clash = loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_CONTROLLER_PORT: '9092' });
    assert.throws(
      () => renderServerProperties(clash, resolveStackPaths(clash, '/repo')),
      /must differ/,
    );
  });

  it('resolves a relative LEARNPULSE_HOME against the working directory', () => {
    const relative = loadConfig({});
    assert.equal(
      parse(renderServerProperties(relative, resolveStackPaths(relative, '/repo'))).get('log.dirs'),
      '/repo/.local/kafka/data',
    );
  });
});

describe('brokerEndpoints', () => {
  it('places the controller on the host of the first broker', () => {
    const env = loadConfig({ KAFKA_BROKERS: 'localhost:9092', KAFKA_CONTROLLER_PORT: '9093' });
    assert.deepEqual(brokerEndpoints(env), {
      broker: { host: 'localhost', port: 9092 },
      controller: { host: 'localhost', port: 9093 },
    });
  });
});

describe('renderLog4j2Properties', () => {
  it('sends the broker log to LEARNPULSE_HOME/logs/kafka.log', () => {
    const env = loadConfig({ LEARNPULSE_HOME: '/srv/lp' });
    const props = parse(renderLog4j2Properties(resolveStackPaths(env)));
    assert.equal(props.get('appender.file.fileName'), '/srv/lp/logs/kafka.log');
    assert.equal(props.get('rootLogger.appenderRef.file.ref'), 'file');
  });
});
