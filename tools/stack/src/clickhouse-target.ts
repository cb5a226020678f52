/**
 * The ClickHouse side of the stack: a server given by CLICKHOUSE_URL (pinged), or the
 * embedded engine's data folder. The embedded engine itself is opened by the services,
 * never here: chdb binds its folder to the one process that opens it.
 */
import { mkdir } from 'node:fs/promises';
import { type Environment } from '@learnpulse/config';
import { type StackPaths } from './stack-paths';

export interface ClickHouseTarget {
  mode: 'server' | 'embedded';
  /** Server URL without credentials. */
  url?: string;
  /** Data folder of the embedded engine. */
  path?: string;
}

/** The URL as it may be printed: user and password removed. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

export function clickHouseTarget(env: Environment, paths: StackPaths): ClickHouseTarget {
  return env.CLICKHOUSE_URL === undefined
    ? { mode: 'embedded', path: paths.chdbPath }
    : { mode: 'server', url: redactUrl(env.CLICKHOUSE_URL) };
}

/** Throws when the server does not answer its HTTP /ping within `timeoutMs`. */
export async function pingClickHouse(url: string, timeoutMs = 5_000): Promise<void> {
  const ping = new URL('ping', redactUrl(url).replace(/\/?$/, '/'));
  let response: Response;
  try {
    response = await fetch(ping, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`ClickHouse at ${ping.origin} did not answer /ping: ${reason}`, {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new Error(`ClickHouse at ${ping.origin} answered /ping with HTTP ${response.status}`);
  }
}

/** Server mode: the server answers. Embedded mode: the data folder exists. */
export async function prepareClickHouse(
  env: Environment,
  paths: StackPaths,
): Promise<ClickHouseTarget> {
  const target = clickHouseTarget(env, paths);
  if (env.CLICKHOUSE_URL !== undefined) await pingClickHouse(env.CLICKHOUSE_URL);
  else await mkdir(paths.chdbPath, { recursive: true });
  return target;
}
