/** Process entry: config, bootstrap, and a graceful close on SIGINT/SIGTERM. */
import { loadConfigOrExit } from '@learnpulse/config';
import { createLogger } from '@learnpulse/observability';
import { bootstrapAnalyticsApi } from './analytics-api.bootstrap';

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  const logger = createLogger(env, 'analytics-api');
  const app = await bootstrapAnalyticsApi(env);
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'closing analytics-api');
    app.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'analytics-api did not close cleanly');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

main().catch((error: unknown) => {
  createLogger({ LOG_LEVEL: 'error' }, 'analytics-api').fatal(
    { err: error },
    'analytics-api failed to start',
  );
  process.exitCode = 1;
});
