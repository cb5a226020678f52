/** `learnpulse stack up|down|status`: the local Kafka broker and embedded ClickHouse folder. */
import { loadConfigOrExit } from '@learnpulse/config';
import { formatStackStatus, stackDown, stackStatus, stackUp } from '@learnpulse/stack';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export async function stackUpCommand(): Promise<void> {
  const env = loadConfigOrExit();
  const state = await stackUp(env, { externalKafka: env.KAFKA_EXTERNAL, log });
  log(
    `Kafka ${state.kafka.brokers.join(',')} ${state.kafka.managed ? `(pid ${state.kafka.pid ?? '?'})` : '(external)'}`,
  );
}

export async function stackDownCommand(): Promise<void> {
  const env = loadConfigOrExit();
  await stackDown(env, { log });
}

export async function stackStatusCommand(): Promise<void> {
  const env = loadConfigOrExit();
  log(formatStackStatus(await stackStatus(env)));
}
