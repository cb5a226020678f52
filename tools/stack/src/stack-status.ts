/**
 * `stack status`: what runs, whether Kafka answers, which topics exist, where ClickHouse is.
 */
import { existsSync } from 'node:fs';
import { type Environment } from '@learnpulse/config';
import { checkKafka, createKafka, TOPIC_SPECS } from '@learnpulse/kafka';
import pino from 'pino';
import { clickHouseTarget, pingClickHouse, type ClickHouseTarget } from './clickhouse-target';
import { parseBrokerAddress } from './broker-address';
import { acceptsConnections, runningBrokerPid } from './kafka-process';
import { resolveStackPaths } from './stack-paths';

export interface TopicStatus {
  name: string;
  partitions: number;
}

export interface KafkaStatus {
  brokers: string[];
  /** A broker started by this stack is running (its pid file names a live broker). */
  running: boolean;
  pid?: number;
  logFile?: string;
  reachable: boolean;
  error?: string;
  /** The topics of TOPIC_SPECS that exist. */
  topics: TopicStatus[];
  missingTopics: string[];
}

export interface ClickHouseStatus extends ClickHouseTarget {
  /** Server mode: answered /ping. Embedded mode: the data folder exists. */
  ready: boolean;
  error?: string;
}

export interface StackStatus {
  kafka: KafkaStatus;
  clickhouse: ClickHouseStatus;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function kafkaStatus(env: Environment): Promise<KafkaStatus> {
  const paths = resolveStackPaths(env);
  const pid = await runningBrokerPid(paths);
  const status: KafkaStatus = {
    brokers: env.KAFKA_BROKERS,
    running: pid !== undefined,
    ...(pid === undefined ? {} : { pid, logFile: paths.kafkaLog }),
    reachable: false,
    topics: [],
    missingTopics: TOPIC_SPECS.map((spec) => spec.name),
  };
  const listening = await Promise.all(
    env.KAFKA_BROKERS.map((broker) => {
      const { host, port } = parseBrokerAddress(broker);
      return acceptsConnections(host, port);
    }),
  );
  if (!listening.includes(true)) {
    return { ...status, error: 'nothing accepts connections there' };
  }
  const kafka = createKafka(env, 'stack-status', pino({ level: 'silent' }));
  try {
    await checkKafka(kafka, 3_000);
  } catch (error) {
    return { ...status, error: messageOf(error) };
  }
  const admin = kafka.admin();
  try {
    await admin.connect();
    const present = new Set(await admin.listTopics());
    const names = TOPIC_SPECS.map((spec) => spec.name).filter((name) => present.has(name));
    const { topics } =
      names.length > 0 ? await admin.fetchTopicMetadata({ topics: names }) : { topics: [] };
    return {
      ...status,
      reachable: true,
      // In declaration order, as TOPIC_SPECS lists them.
      topics: names.map((name) => ({
        name,
        partitions: topics.find((t) => t.name === name)?.partitions.length ?? 0,
      })),
      missingTopics: status.missingTopics.filter((name) => !present.has(name)),
    };
  } catch (error) {
    return { ...status, reachable: true, error: messageOf(error) };
  } finally {
    await admin.disconnect();
  }
}

async function clickHouseStatus(env: Environment): Promise<ClickHouseStatus> {
  const target = clickHouseTarget(env, resolveStackPaths(env));
  if (env.CLICKHOUSE_URL === undefined) {
    return { ...target, ready: target.path !== undefined && existsSync(target.path) };
  }
  try {
    await pingClickHouse(env.CLICKHOUSE_URL, 3_000);
    return { ...target, ready: true };
  } catch (error) {
    return { ...target, ready: false, error: messageOf(error) };
  }
}

export async function stackStatus(env: Environment): Promise<StackStatus> {
  const [kafka, clickhouse] = await Promise.all([kafkaStatus(env), clickHouseStatus(env)]);
  return { kafka, clickhouse };
}

/** A few aligned lines for a terminal. */
export function formatStackStatus(status: StackStatus): string {
  const { kafka, clickhouse } = status;
  const lines: string[] = [];
  lines.push(
    kafka.running
      ? `kafka       managed broker running (pid ${kafka.pid ?? '?'}), log ${kafka.logFile ?? '?'}`
      : 'kafka       no managed broker running',
  );
  lines.push(
    `            ${kafka.brokers.join(',')} ${kafka.reachable ? 'reachable' : 'NOT reachable'}` +
      (kafka.error === undefined ? '' : ` (${kafka.error})`),
  );
  if (kafka.reachable) {
    const present = kafka.topics.map((t) => `${t.name} (${t.partitions} partitions)`);
    lines.push(`            topics: ${present.length > 0 ? present.join(', ') : 'none'}`);
    if (kafka.missingTopics.length > 0) {
      lines.push(`            missing topics: ${kafka.missingTopics.join(', ')}`);
    }
  }
  lines.push(
    clickhouse.mode === 'server'
      ? `clickhouse  server ${clickhouse.url ?? ''} ${clickhouse.ready ? 'answers' : 'NOT answering'}` +
          (clickhouse.error === undefined ? '' : ` (${clickhouse.error})`)
      : `clickhouse  embedded, data in ${clickhouse.path ?? ''}` +
          (clickhouse.ready ? '' : ' (not created yet: `stack up` creates it)'),
  );
  return lines.join('\n');
}
