/**
 * `stack up`: makes Kafka and ClickHouse ready for the services, idempotently.
 * Kafka is either external (KAFKA_BROKERS set by the user: only the topics are ensured)
 * or a single KRaft broker this stack runs from Maven Central jars under LEARNPULSE_HOME.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { type Environment } from '@learnpulse/config';
import { checkKafka, createKafka, ensureTopics, type EnsureTopicsResult } from '@learnpulse/kafka';
import pino from 'pino';
import { formatBrokerAddress } from './broker-address';
import { waitForBroker } from './broker-probe';
import { prepareClickHouse, type ClickHouseTarget } from './clickhouse-target';
import { requireJava } from './java-tools';
import { brokerEndpoints, renderLog4j2Properties, renderServerProperties } from './kafka-config';
import { ensureKafkaJars } from './kafka-jars';
import {
  brokerLogTail,
  formatStorage,
  isKafkaProcess,
  isPortFree,
  removePidFile,
  runningBrokerPid,
  startBroker,
  stopProcess,
} from './kafka-process';
import { withStackLock } from './stack-lock';
import { resolveStackPaths, type StackPaths } from './stack-paths';

export interface StackUpOptions {
  /** KAFKA_BROKERS was set by the user: use those brokers and start nothing. */
  externalKafka?: boolean;
  log?: (line: string) => void;
  /** How long a starting broker may take to acknowledge a produce request. */
  readyTimeoutMs?: number;
}

export interface KafkaState {
  brokers: string[];
  /** True when this stack runs the broker. */
  managed: boolean;
  /** True when this call started it (a test setup then knows to stop it again). */
  startedNow: boolean;
  pid?: number;
  logFile?: string;
}

export interface StackState {
  kafka: KafkaState;
  clickhouse: ClickHouseTarget;
}

export class PortInUseError extends Error {
  constructor(
    readonly address: string,
    role: string,
  ) {
    super(
      `${address} (${role}) is already in use by another process, not a broker of this stack. ` +
        'Stop that process, choose other ports (KAFKA_BROKERS, KAFKA_CONTROLLER_PORT), ' +
        'or set KAFKA_BROKERS to that broker to use it as an external Kafka.',
    );
    this.name = 'PortInUseError';
  }
}

function describeTopics(result: EnsureTopicsResult): string {
  const parts: string[] = [];
  if (result.created.length > 0) parts.push(`created ${result.created.join(', ')}`);
  if (result.existing.length > 0) {
    parts.push(`present ${result.existing.map((t) => `${t.name} (${t.partitions})`).join(', ')}`);
  }
  return parts.join('; ');
}

async function ensureAllTopics(
  env: Environment,
  replicationFactor: number,
  log: (line: string) => void,
): Promise<void> {
  const kafka = createKafka(env, 'stack');
  const result = await ensureTopics(kafka, {
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor,
  });
  log(`kafka: topics ready: ${describeTopics(result)}`);
}

async function useExternalKafka(
  env: Environment,
  log: (line: string) => void,
): Promise<KafkaState> {
  const brokers = env.KAFKA_BROKERS;
  log(`kafka: using the brokers in KAFKA_BROKERS (${brokers.join(',')}); starting nothing`);
  await checkKafka(createKafka(env, 'stack', pino({ level: 'silent' })), 10_000);
  await ensureAllTopics(env, env.KAFKA_REPLICATION_FACTOR, log);
  return { brokers, managed: false, startedNow: false };
}

async function launchBroker(
  env: Environment,
  paths: StackPaths,
  log: (line: string) => void,
  readyTimeoutMs: number,
): Promise<number> {
  const { broker, controller } = brokerEndpoints(env);
  // Fail before any download when the ports are taken by something else.
  for (const [address, role] of [
    [broker, 'Kafka broker'],
    [controller, 'Kafka controller'],
  ] as const) {
    if (!(await isPortFree(address.host, address.port))) {
      throw new PortInUseError(formatBrokerAddress(address), role);
    }
  }
  await requireJava();
  await ensureKafkaJars(paths, log);
  await writeFile(paths.serverProperties, renderServerProperties(env, paths));
  await writeFile(paths.log4jProperties, renderLog4j2Properties(paths));
  if (await formatStorage(paths)) log(`kafka: formatted the KRaft storage in ${paths.dataDir}`);

  log(
    `kafka: starting the broker on ${formatBrokerAddress(broker)} ` +
      `(controller ${formatBrokerAddress(controller)}), log ${paths.kafkaLog}`,
  );
  const started = Date.now();
  const jvm = await startBroker(paths);
  try {
    await waitForBroker(env, {
      address: broker,
      timeoutMs: readyTimeoutMs,
      checkAlive: () =>
        jvm.isAlive() ? undefined : `the broker exited during start-up (code ${jvm.exitCode()})`,
    });
  } catch (error) {
    // Leave no half-started broker behind.
    await stopProcess(jvm.pid, 10_000);
    await removePidFile(paths);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n${await brokerLogTail(paths)}`, { cause: error });
  }
  log(`kafka: ready after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${jvm.pid})`);
  return jvm.pid;
}

/** Reuses the broker named by the pid file, or launches one. */
async function startOrReuseBroker(
  env: Environment,
  paths: StackPaths,
  log: (line: string) => void,
  readyTimeoutMs: number,
): Promise<{ pid: number; startedNow: boolean }> {
  const pid = await runningBrokerPid(paths);
  if (pid === undefined) {
    return { pid: await launchBroker(env, paths, log, readyTimeoutMs), startedNow: true };
  }
  log(`kafka: the broker is already running (pid ${pid})`);
  try {
    await waitForBroker(env, { address: brokerEndpoints(env).broker, timeoutMs: readyTimeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const state = (await isKafkaProcess(pid)) ? 'is running but not answering' : 'has exited';
    throw new Error(
      `${reason}; the broker with pid ${pid} ${state} (see ${paths.kafkaLog}; \`stack down\` stops it)`,
      { cause: error },
    );
  }
  return { pid, startedNow: false };
}

async function useManagedKafka(
  env: Environment,
  paths: StackPaths,
  log: (line: string) => void,
  readyTimeoutMs: number,
): Promise<KafkaState> {
  await mkdir(paths.kafkaDir, { recursive: true });
  await mkdir(paths.logsDir, { recursive: true });
  // A first run may fetch jars (tens of seconds) before the broker's own start-up time.
  const { pid, startedNow } = await withStackLock(paths.lockFile, readyTimeoutMs + 300_000, () =>
    startOrReuseBroker(env, paths, log, readyTimeoutMs),
  );
  // One node: more replicas than brokers cannot be placed.
  await ensureAllTopics(env, 1, log);
  return { brokers: env.KAFKA_BROKERS, managed: true, startedNow, pid, logFile: paths.kafkaLog };
}

export async function stackUp(env: Environment, options: StackUpOptions = {}): Promise<StackState> {
  const log = options.log ?? (() => undefined);
  const paths = resolveStackPaths(env);
  const kafka =
    options.externalKafka === true
      ? await useExternalKafka(env, log)
      : await useManagedKafka(env, paths, log, options.readyTimeoutMs ?? 60_000);
  const clickhouse = await prepareClickHouse(env, paths);
  log(
    clickhouse.mode === 'server'
      ? `clickhouse: server at ${clickhouse.url ?? ''} answers`
      : `clickhouse: embedded engine, data in ${clickhouse.path ?? ''} (opened by the services)`,
  );
  return { kafka, clickhouse };
}
