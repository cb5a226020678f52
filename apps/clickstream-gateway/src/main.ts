/** Process entry: configuration, bootstrap, and a graceful stop on SIGINT/SIGTERM. */
import { ConfigError, loadConfigOrExit } from '@learnpulse/config';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { bootstrapClickstreamGateway } from './bootstrap';

/** If closing hangs (a broker that never answers), stop anyway after this long. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  const app = await bootstrapClickstreamGateway(env);
  const logger = app.get<Logger>(LOGGER);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests and flushing the producer');
    setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => {
        logger.info('stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG, as loadConfigOrExit
  }
  process.stderr.write(
    `clickstream-gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
