/** What the gateway's main thread and the known-ids tail worker say to each other. */
import { type KafkaConnectionSettings, type KafkajsLogLevelName } from '@learnpulse/kafka';
import { type logLevel } from 'kafkajs';

export interface TailWorkerData {
  connection: KafkaConnectionSettings;
  topic: string;
  /** Throw-away consumer group: the tail never commits. */
  groupId: string;
  /** A fetch waits at most this long for new records: the window in which a re-send is missed. */
  maxWaitMs: number;
  /** kafkajs log level, from the gateway's logger. */
  kafkaLogLevel: logLevel;
  /** Where to read from per partition (next offset). */
  starts: readonly { partition: number; offset: string }[];
}

/** Worker to main thread. */
export type TailEvent =
  /** The keys of one fetched batch as keyDigest pairs; `nextOffset` is past its last record. */
  | { type: 'digests'; partition: number; nextOffset: string; digests: Uint32Array }
  /** Subscribed and positioned: from here on every new record arrives as digests. */
  | { type: 'running' }
  /** The consumer stopped and will not recover by itself. */
  | { type: 'crashed'; error: string }
  | { type: 'log'; level: KafkajsLogLevelName; message: string; fields: Record<string, unknown> };

/** Main thread to worker. */
export interface TailCommand {
  type: 'stop';
}
