/**
 * Once per test run: bring up the local stack (real Kafka, topics; the embedded ClickHouse is
 * opened by each test in its own folder) and, at the end of a whole-repo run, stop only what
 * this run started.
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
  if (!startedHere) return;
  if (process.env.LEARNPULSE_TEST_KEEP_STACK === '1') {
    log('leaving the broker running for other test runs; `npm run stack:down` stops it');
    return;
  }
  await stackDown(loadConfig(), { log });
}
