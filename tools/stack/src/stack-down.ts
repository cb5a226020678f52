/**
 * `stack down`: stops the broker this stack started. ClickHouse needs nothing: the
 * embedded engine closes with the services that opened it.
 */
import { type Environment } from '@learnpulse/config';
import { removePidFile, runningBrokerPid, stopProcess } from './kafka-process';
import { resolveStackPaths } from './stack-paths';

export interface StackDownResult {
  /** The pid that was stopped; undefined when no managed broker was running. */
  pid?: number;
  outcome: 'stopped' | 'killed' | 'not-running';
}

const STOP_GRACE_MS = 30_000;

export interface StackDownOptions {
  log?: (line: string) => void;
}

/** `options` may also be the log function itself. */
export async function stackDown(
  env: Environment,
  options: StackDownOptions | ((line: string) => void) = {},
): Promise<StackDownResult> {
  const log = (typeof options === 'function' ? options : options.log) ?? (() => undefined);
  const paths = resolveStackPaths(env);
  const pid = await runningBrokerPid(paths);
  if (pid === undefined) {
    log('kafka: no managed broker is running');
    return { outcome: 'not-running' };
  }
  log(`kafka: stopping the broker (pid ${pid})`);
  const outcome = await stopProcess(pid, STOP_GRACE_MS);
  await removePidFile(paths);
  log(
    outcome === 'killed'
      ? `kafka: the broker did not stop within ${STOP_GRACE_MS / 1000} s and was killed`
      : 'kafka: stopped',
  );
  return { pid, outcome };
}
