/**
 * Once per test run: bring up the local stack (real Kafka, topics; the embedded ClickHouse is
 * opened by each test in its own folder) and, at the end of a whole-repo run, stop only what
 * this run started. The runner calls these around its node:test `run()`.
 */
import { loadConfig } from '@learnpulse/config';
import { stackDown, stackUp } from '@learnpulse/stack';
import { randomBytes } from 'node:crypto';

export interface TestStack {
  /** True when this run started the broker (none was running). */
  startedHere: boolean;
}

const log = (line: string): void => {
  process.stderr.write(`[stack] ${line}\n`);
};

export async function upForTests(): Promise<TestStack> {
  // One webhook signing key for every test file of the run, as every dispatcher replica of a
  // deployment shares one: the test files' dispatchers all read the shared broker's
  // subscriptions and alert state, so any of them may be the one that delivers a file's alert.
  process.env.WEBHOOK_SIGNING_KEY ??= randomBytes(32).toString('base64url');
  const env = loadConfig();
  const state = await stackUp(env, { externalKafka: env.KAFKA_EXTERNAL, log });
  return { startedHere: state.kafka.startedNow };
}

/** Stops the broker this run started, unless other runs share it (`keepRunning`). */
export async function downAfterTests(stack: TestStack, keepRunning: boolean): Promise<void> {
  if (!stack.startedHere) return;
  if (keepRunning) {
    log('leaving the broker running for other test runs; `npm run stack:down` stops it');
    return;
  }
  await stackDown(loadConfig(), { log });
}
