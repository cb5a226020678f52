/**
 * "Ready" for the stack means a produce request is acknowledged, not just an open port:
 * a KRaft broker accepts connections before its metadata is loaded and leaders exist.
 */
import { type Environment } from '@learnpulse/config';
import { createKafka, ensureTopics, ReliableProducer, type TopicSpec } from '@learnpulse/kafka';
import pino from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { type BrokerAddress } from './broker-address';
import { acceptsConnections } from './kafka-process';

export const PROBE_TOPIC: TopicSpec = {
  name: 'learnpulse.stack.probe',
  key: 'probe',
  value: 'start-up probe record',
  compacted: false,
  configEntries: [{ name: 'retention.ms', value: String(60 * 60 * 1000) }],
};

const ATTEMPT_TIMEOUT_MS = 10_000;

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`${what} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One attempt: create the probe topic if needed, produce one record with acks=all, and ask the
 * group coordinator for a group's offsets. The last step makes the broker create
 * __consumer_offsets now, so the first consumer group of a fresh broker does not meet
 * NOT_COORDINATOR errors (kafkajs' admin does not retry them).
 */
async function produceProbe(env: Environment): Promise<void> {
  // Connection errors are expected while the broker starts; they are retried here, not logged.
  const silent = pino({ level: 'silent' });
  const kafka = createKafka(env, 'stack-probe', silent);
  await ensureTopics(kafka, { partitions: 1, replicationFactor: 1, topics: [PROBE_TOPIC] });
  const producer = await ReliableProducer.connect(kafka, silent, { sendTimeoutMs: 5_000 });
  try {
    await producer.send([
      { topic: PROBE_TOPIC.name, messages: [{ key: 'probe', value: new Date().toISOString() }] },
    ]);
  } finally {
    await producer.close();
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.fetchOffsets({ groupId: PROBE_TOPIC.name, topics: [PROBE_TOPIC.name] });
  } finally {
    await admin.disconnect();
  }
}

export interface WaitForBrokerOptions {
  address: BrokerAddress;
  timeoutMs: number;
  /** Stops waiting early when the broker process is gone; returns a reason to report. */
  checkAlive?: () => string | undefined;
}

/** Resolves once the broker acknowledges a produce request; throws after `timeoutMs`. */
export async function waitForBroker(
  env: Environment,
  options: WaitForBrokerOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'the broker port never accepted a connection';
  while (Date.now() < deadline) {
    const dead = options.checkAlive?.();
    if (dead !== undefined) throw new Error(dead);
    if (await acceptsConnections(options.address.host, options.address.port)) {
      try {
        const left = Math.max(1_000, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()));
        await withTimeout(produceProbe(env), left, 'probe produce');
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    await sleep(250);
  }
  throw new Error(
    `Kafka did not accept a produce request within ${Math.round(options.timeoutMs / 1000)} s (${lastError})`,
  );
}
