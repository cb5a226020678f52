/**
 * A service's process entry: configuration, bootstrap, and a graceful stop on SIGINT/SIGTERM
 * (the app closes: HTTP stops taking requests, producers flush), bounded in time so a broker
 * that never answers cannot keep the process alive. A bad configuration exits 78 (EX_CONFIG)
 * naming the variable, as `loadConfigOrExit` does; any other start failure exits 1.
 */
import { ConfigError, type Environment, loadConfigOrExit } from '@learnpulse/config';
import { type INestApplication } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from './tokens';

/** If closing hangs, stop anyway after this long. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

export function runService(
  name: string,
  bootstrap: (env: Environment) => Promise<INestApplication>,
): void {
  const main = async (): Promise<void> => {
    const env = loadConfigOrExit();
    const app = await bootstrap(env);
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
  };
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG, as loadConfigOrExit
    }
    process.stderr.write(
      `${name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
