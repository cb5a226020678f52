/**
 * `learnpulse serve [apps...]`: runs the named services (all by default) in this process.
 * With embedded ClickHouse the services that use it must share one process (chdb binds its
 * data folder to one process); with CLICKHOUSE_URL each can run on its own.
 */
import { loadConfigOrExit } from '@learnpulse/config';
import { createLogger } from '@learnpulse/observability';
import { selectApps, startApps, stopApps } from '../app-registry';
import { shutdownSignal } from '../shutdown-signal';

export async function serveCommand(names: string[]): Promise<void> {
  const env = loadConfigOrExit();
  const logger = createLogger(env, 'learnpulse');
  const selected = selectApps(names);
  const running = await startApps(selected, env);
  logger.info({ apps: selected.map((app) => app.name) }, 'services started');
  const signal = await shutdownSignal();
  logger.info({ signal }, 'stopping services');
  await stopApps(running);
}
