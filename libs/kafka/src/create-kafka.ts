/**
 * The one place a kafkajs client is built: brokers and client id come from the
 * environment, and kafkajs' own log lines go to pino instead of the console.
 */
import { type Environment } from '@learnpulse/config';
import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import pino, { type Logger } from 'pino';
import { patchKafkajsRequestQueue } from './request-queue.patch';
import { registerZstdCodec } from './zstd-codec';

patchKafkajsRequestQueue();
registerZstdCodec();

/** kafkajs is chatty below WARN; it logs at INFO/DEBUG only when the pino logger asks for that much. */
export function kafkajsLevelFor(logger: Logger): logLevel {
  switch (logger.level) {
    case 'silent':
      return logLevel.NOTHING;
    case 'trace':
      return logLevel.DEBUG;
    case 'debug':
      return logLevel.INFO;
    case 'fatal':
    case 'error':
      return logLevel.ERROR;
    default:
      return logLevel.WARN;
  }
}

export type KafkajsLogLevelName = 'error' | 'warn' | 'info' | 'debug';

/**
 * kafkajs' messages for the errors a partition answers while it settles (new topic, leader
 * election): the callers retry them (topic-readiness.ts), yet kafkajs' Connection logs every
 * such response as an error, so each start printed a few alarming lines for nothing.
 */
const SETTLING_RESPONSE_ERRORS: ReadonlySet<unknown> = new Set([
  'This server does not host this topic-partition',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server is not the leader for that topic-partition',
]);

/** One kafkajs log entry as a pino-style line: level name, message and the extra fields. */
export function kafkajsLogEntry({ namespace, level, log }: LogEntry): {
  level: KafkajsLogLevelName;
  message: string;
  fields: Record<string, unknown>;
} {
  const { message, ...extra } = log;
  // pino stamps its own time; kafkajs' copy would only repeat it.
  const fields: Record<string, unknown> = { namespace, ...extra };
  delete fields.timestamp;
  const settling = namespace === 'Connection' && SETTLING_RESPONSE_ERRORS.has(extra.error);
  return { level: settling ? 'debug' : kafkajsLevelName(level), message, fields };
}

function kafkajsLevelName(level: logLevel): KafkajsLogLevelName {
  if (level === logLevel.ERROR) return 'error';
  if (level === logLevel.WARN) return 'warn';
  return level === logLevel.INFO ? 'info' : 'debug';
}

/** Routes kafkajs log entries to a child of the given pino logger. */
export function pinoLogCreator(logger: Logger): logCreator {
  const child = logger.child({ component: 'kafkajs' });
  return () => (entry: LogEntry) => {
    const { level, message, fields } = kafkajsLogEntry(entry);
    child[level](fields, message);
  };
}

let defaultLogger: Logger | undefined;

/** Used when the caller passes no logger: JSON on stderr, warnings and errors only. */
function fallbackLogger(): Logger {
  defaultLogger ??= pino({ name: 'kafka', level: 'warn' }, pino.destination(2));
  return defaultLogger;
}

/**
 * A kafkajs client for this environment. `clientIdSuffix` tells the broker which part
 * of the system a connection belongs to (`learnpulse-xapi-gateway`).
 */
export function createKafka(env: Environment, clientIdSuffix?: string, logger?: Logger): Kafka {
  const log = logger ?? fallbackLogger();
  const clientId =
    clientIdSuffix === undefined || clientIdSuffix === ''
      ? env.KAFKA_CLIENT_ID
      : `${env.KAFKA_CLIENT_ID}-${clientIdSuffix}`;
  return createKafkaFrom(
    { brokers: env.KAFKA_BROKERS, clientId, connectionTimeoutMs: CONNECTION_TIMEOUT_MS },
    { level: kafkajsLevelFor(log), logCreator: pinoLogCreator(log) },
  );
}

/**
 * A kafkajs client from the settings of one made by createKafka: for a worker thread, which
 * gets the settings from its parent and sends its log lines there.
 */
export function createKafkaFrom(
  connection: KafkaConnectionSettings,
  log: { level: logLevel; logCreator: logCreator },
): Kafka {
  const kafka = new Kafka({
    clientId: connection.clientId,
    brokers: [...connection.brokers],
    connectionTimeout: connection.connectionTimeoutMs,
    logLevel: log.level,
    logCreator: log.logCreator,
  });
  settings.set(kafka, connection);
  return kafka;
}

const CONNECTION_TIMEOUT_MS = 3_000;

export interface KafkaConnectionSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly connectionTimeoutMs: number;
}

// kafkajs keeps its brokers private; the producer, on another client library, needs them.
const settings = new WeakMap<Kafka, KafkaConnectionSettings>();

/** Brokers and client id of a client made by createKafka (the producer connects with them). */
export function connectionSettingsOf(kafka: Kafka): KafkaConnectionSettings {
  const found = settings.get(kafka);
  if (found === undefined) throw new TypeError('this Kafka client was not made by createKafka');
  return found;
}
