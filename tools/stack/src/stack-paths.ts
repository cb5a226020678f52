/**
 * Where the local stack keeps its files: everything under LEARNPULSE_HOME, resolved
 * against the working directory (the repo root when run through npm scripts).
 */
import path from 'node:path';
import { type Environment } from '@learnpulse/config';

export interface StackPaths {
  home: string;
  kafkaDir: string;
  /** Broker jars fetched by Maven. */
  libsDir: string;
  /** Written after a complete fetch; holds the hash of the pom it came from. */
  jarsMarker: string;
  dataDir: string;
  serverProperties: string;
  log4jProperties: string;
  pidFile: string;
  /** Held while a `stack up` checks and starts the broker. */
  lockFile: string;
  logsDir: string;
  /** The broker's own log (log4j2). */
  kafkaLog: string;
  /** The JVM's stdout/stderr: start-up failures that happen before logging is set up. */
  kafkaConsoleLog: string;
  /** Data folder of the embedded ClickHouse engine. */
  chdbPath: string;
}

export function resolveStackPaths(env: Environment, cwd: string = process.cwd()): StackPaths {
  const home = path.resolve(cwd, env.LEARNPULSE_HOME);
  const kafkaDir = path.join(home, 'kafka');
  const logsDir = path.join(home, 'logs');
  return {
    home,
    kafkaDir,
    libsDir: path.join(kafkaDir, 'libs'),
    jarsMarker: path.join(kafkaDir, 'libs.complete'),
    dataDir: path.join(kafkaDir, 'data'),
    serverProperties: path.join(kafkaDir, 'server.properties'),
    log4jProperties: path.join(kafkaDir, 'log4j2.properties'),
    pidFile: path.join(kafkaDir, 'kafka.pid'),
    lockFile: path.join(kafkaDir, 'stack-up.lock'),
    logsDir,
    kafkaLog: path.join(logsDir, 'kafka.log'),
    kafkaConsoleLog: path.join(logsDir, 'kafka.console.log'),
    chdbPath: path.resolve(cwd, env.CHDB_PATH ?? path.join(env.LEARNPULSE_HOME, 'clickhouse')),
  };
}

/** tools/stack/kafka/pom.xml, found from the compiled module (dist/src). */
export const KAFKA_POM = path.resolve(__dirname, '../../kafka/pom.xml');
