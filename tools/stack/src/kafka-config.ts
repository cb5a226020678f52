/**
 * The files the managed broker runs with: server.properties (a single KRaft node that
 * is broker and controller at once) and log4j2.properties, rendered from the environment.
 */
import { type Environment } from '@learnpulse/config';
import { formatBrokerAddress, parseBrokerAddress, type BrokerAddress } from './broker-address';
import { type StackPaths } from './stack-paths';

export interface BrokerEndpoints {
  broker: BrokerAddress;
  controller: BrokerAddress;
}

/** The managed broker listens where the first entry of KAFKA_BROKERS points. */
export function brokerEndpoints(env: Environment): BrokerEndpoints {
  const first = env.KAFKA_BROKERS[0];
  if (first === undefined) throw new Error('KAFKA_BROKERS is empty');
  const broker = parseBrokerAddress(first);
  return { broker, controller: { host: broker.host, port: env.KAFKA_CONTROLLER_PORT } };
}

/** Java properties files treat backslashes as escapes (Windows paths). */
function propertyValue(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

function renderProperties(header: string, entries: [string, string | number][]): string {
  const lines = entries.map(([key, value]) => `${key}=${propertyValue(String(value))}`);
  return `# ${header}\n${lines.join('\n')}\n`;
}

export function renderServerProperties(env: Environment, paths: StackPaths): string {
  const { broker, controller } = brokerEndpoints(env);
  if (broker.port === controller.port) {
    throw new Error(
      `KAFKA_CONTROLLER_PORT (${controller.port}) must differ from the broker port in KAFKA_BROKERS`,
    );
  }
  const brokerUrl = `PLAINTEXT://${formatBrokerAddress(broker)}`;
  const controllerUrl = `CONTROLLER://${formatBrokerAddress(controller)}`;
  return renderProperties('Written by the learnpulse stack (tools/stack) on every `stack up`.', [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.bootstrap.servers', formatBrokerAddress(controller)],
    ['listeners', `${brokerUrl},${controllerUrl}`],
    ['advertised.listeners', brokerUrl],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', paths.dataDir],
    ['num.partitions', env.KAFKA_TOPIC_PARTITIONS],
    // One node: every internal topic has a single replica.
    ['default.replication.factor', 1],
    ['offsets.topic.replication.factor', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    // Consumers of a fresh group start at once instead of waiting 3 s for more members.
    ['group.initial.rebalance.delay.ms', 0],
    // Topics come from TOPIC_SPECS only, so a typo in a topic name fails instead of creating one.
    ['auto.create.topics.enable', 'false'],
  ]);
}

export function renderLog4j2Properties(paths: StackPaths): string {
  return renderProperties('Written by the learnpulse stack (tools/stack) on every `stack up`.', [
    ['status', 'warn'],
    ['appender.file.type', 'RollingFile'],
    ['appender.file.name', 'file'],
    ['appender.file.fileName', paths.kafkaLog],
    ['appender.file.filePattern', `${paths.kafkaLog}.%i`],
    ['appender.file.layout.type', 'PatternLayout'],
    ['appender.file.layout.pattern', '[%d] %p %m (%c)%n'],
    ['appender.file.policies.type', 'Policies'],
    ['appender.file.policies.size.type', 'SizeBasedTriggeringPolicy'],
    ['appender.file.policies.size.size', '50MB'],
    ['appender.file.strategy.type', 'DefaultRolloverStrategy'],
    ['appender.file.strategy.max', 3],
    ['rootLogger.level', 'INFO'],
    ['rootLogger.appenderRef.file.ref', 'file'],
  ]);
}
