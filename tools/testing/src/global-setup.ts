/**
 * Once per test run: bring up the local stack (real Kafka, topics; the embedded ClickHouse is
 * opened by each test in its own folder) and, at the end of a whole-repo run, stop only what
 * this run started.
 */
import { loadConfig } from '@learnpulse/config';
import { stackDown, stackUp } from '@learnpulse/stack';
import { randomBytes } from 'node:crypto';

let startedHere = false;

const log = (line: string): void => {
  process.stderr.write(`[stack] ${line}\n`);
};

export async function globalSetup(): Promise<void> {
  // One webhook signing key for every test file of the run, as every dispatcher replica of a
  // deployment shares one: the test files' dispatchers all read the shared broker's
  // subscriptions and alert state, so any of them may be the one that delivers a file's alert.
  process.env.WEBHOOK_SIGNING_KEY ??= randomBytes(32).toString('base64url');
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
