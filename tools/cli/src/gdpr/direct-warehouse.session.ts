/**
 * Opens the warehouse for one CLI request when no running service owns it: a ClickHouse server
 * (CLICKHOUSE_URL) or the embedded folder, with the migrations applied (gdpr_audit), and Kafka
 * for the tombstones; closes both afterwards, whatever happens.
 */
import {
  createClickHouseClient,
  embeddedDataPath,
  isEmbedded,
  runMigrations,
} from '@learnpulse/clickhouse';
import type { Environment } from '@learnpulse/config';
import { LearnerPrivacy } from '@learnpulse/gdpr';
import { createKafka } from '@learnpulse/kafka';
import { createLogger } from '@learnpulse/observability';
import { RouteError } from './learner-request.route';

function explained(error: unknown, env: Environment): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (isEmbedded(env) && /Cannot lock file|already running/i.test(message)) {
    return new RouteError(
      `the embedded ClickHouse at ${embeddedDataPath(env)} is open in another process; run the command while analytics-api of that process answers (learnpulse serve / npm start), or stop it`,
    );
  }
  return error;
}

export async function withDirectWarehouse<T>(
  env: Environment,
  work: (privacy: LearnerPrivacy) => Promise<T>,
): Promise<T> {
  const logger = createLogger({ ...env, LOG_LEVEL: 'warn' }, 'learnpulse-cli');
  const clickhouse = createClickHouseClient(env);
  try {
    try {
      await runMigrations(clickhouse, env, { logger });
    } catch (error) {
      throw explained(error, env);
    }
    const privacy = new LearnerPrivacy({
      clickhouse,
      kafka: createKafka(env, 'cli-gdpr', logger),
      pseudonymKey: env.LEARNER_PSEUDONYM_KEY,
      logger,
    });
    return await work(privacy);
  } finally {
    await clickhouse.close();
  }
}
