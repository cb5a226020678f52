/** An environment that selects the embedded engine in a fresh temp folder. */
import { loadConfig } from '@learnpulse/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ClickHouseEnvironment } from '../src';

export interface EmbeddedTestEnv {
  env: ClickHouseEnvironment;
  dir: string;
  remove: () => void;
}

export function embeddedTestEnv(database = 'learnpulse'): EmbeddedTestEnv {
  const dir = mkdtempSync(path.join(tmpdir(), 'learnpulse-chdb-'));
  const env = {
    ...loadConfig(),
    CLICKHOUSE_URL: undefined,
    CHDB_PATH: dir,
    CLICKHOUSE_DATABASE: database,
  };
  return {
    env,
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
