/**
 * A Kafka broker of the benchmark's own, started by the local stack code in a temp
 * LEARNPULSE_HOME on free ports and stopped at the end. The shared broker (127.0.0.1:9092)
 * is left alone on purpose: its learning.events.v1 / xapi.statements.v1 keep every record
 * forever, and every integration test starts a fresh consumer group from the beginning, so
 * a benchmark's millions of records there would slow down everyone's test runs.
 */
import { loadConfig, type Environment } from '@learnpulse/config';
import { createKafka } from '@learnpulse/kafka';
import { ensureKafkaJars, resolveStackPaths, stackDown, stackUp } from '@learnpulse/stack';
import { freePort } from '@learnpulse/testing';
import { type Kafka } from 'kafkajs';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { type Cleanup, print, workspaceRoot } from './bench-support';

export interface BenchKafka {
  /** `host:port` of the bench broker. */
  brokers: string;
  /** Environment variables that point a service at it. */
  env: Record<string, string>;
  /** The config the broker was started with (partitions, replication). */
  config: Environment;
  /** Folder of the broker jars (kafka-tools included). */
  libsDir: string;
  /** The broker's JVM, for CPU accounting. */
  brokerPid: number;
  kafka: Kafka;
}

const log = (line: string): void => {
  print(`  [stack] ${line}`);
};

/** The broker, ready, with every topic of the stack created (stackUp creates them). */
export async function startBenchKafka(cleanup: Cleanup): Promise<BenchKafka> {
  // The repo's jars (tools/stack/kafka/pom.xml, kafka-tools included), fetched once.
  const repoPaths = resolveStackPaths(loadConfig(), workspaceRoot);
  await ensureKafkaJars(repoPaths, log);

  const home = cleanup.tempDir('bench-kafka');
  const [port, controller] = await Promise.all([freePort(), freePort()]);
  const brokers = `127.0.0.1:${port}`;
  const env: Record<string, string> = {
    LEARNPULSE_HOME: home,
    KAFKA_BROKERS: brokers,
    KAFKA_CONTROLLER_PORT: String(controller),
  };
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'warn' });
  const paths = resolveStackPaths(config);
  await mkdir(paths.kafkaDir, { recursive: true });
  await symlink(repoPaths.libsDir, paths.libsDir);
  await copyFile(repoPaths.jarsMarker, paths.jarsMarker);

  cleanup.add('stop the bench broker', async () => {
    await stackDown(config, { log });
  });
  const state = await stackUp(config, { externalKafka: false, log, readyTimeoutMs: 120_000 });
  if (state.kafka.pid === undefined) throw new Error('the bench broker reported no pid');
  return {
    brokers,
    env,
    config,
    libsDir: repoPaths.libsDir,
    brokerPid: state.kafka.pid,
    kafka: createKafka(config, 'bench'),
  };
}
