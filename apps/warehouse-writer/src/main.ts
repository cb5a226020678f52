/** Process entry: config, bootstrap, and a graceful close on SIGINT/SIGTERM. */
import { loadConfigOrExit } from '@learnpulse/config';
import { createLogger } from '@learnpulse/observability';
import { APP_NAME } from './app.module';
import { bootstrapWarehouseWriter } from './warehouse-writer.bootstrap';

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  const logger = createLogger(env, APP_NAME);
  const app = await bootstrapWarehouseWriter(env);
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    // The consumer finishes the batch in flight, then leaves its group; ClickHouse closes last.
    logger.info({ signal }, `closing ${APP_NAME}`);
    app.close().then(
      () => {
        logger.info(`${APP_NAME} closed`);
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({ err: error }, `${APP_NAME} did not close cleanly`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

main().catch((error: unknown) => {
  createLogger({ LOG_LEVEL: 'error' }, APP_NAME).fatal(
    { err: error },
    `${APP_NAME} failed to start`,
  );
  process.exitCode = 1;
});
