/**
 * Once per test run: bring up the local stack (real Kafka, topics; the embedded ClickHouse is
 * opened by each test in its own folder) and, at the end, stop only what this run started.
 */
import { loadConfig } from '@learnpulse/config';
import { stackDown, stackUp } from '@learnpulse/stack';

let startedHere = false;

const log = (line: string): void => {
  process.stderr.write(`[stack] ${line}\n`);
};

export async function globalSetup(): Promise<void> {
  const env = loadConfig();
  const state = await stackUp(env, { externalKafka: env.KAFKA_EXTERNAL, log });
  startedHere = state.kafka.startedNow;
}

export async function globalTeardown(): Promise<void> {
  if (startedHere) await stackDown(loadConfig(), { log });
}
