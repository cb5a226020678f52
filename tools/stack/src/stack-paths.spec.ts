import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadConfig } from '@learnpulse/config';
import { KAFKA_POM, resolveStackPaths } from './stack-paths';

describe('resolveStackPaths', () => {
  it('puts the embedded ClickHouse data under LEARNPULSE_HOME unless CHDB_PATH is set', () => {
    assert.equal(resolveStackPaths(loadConfig({}), '/repo').chdbPath, '/repo/.local/clickhouse');
    assert.equal(
      resolveStackPaths(loadConfig({ CHDB_PATH: 'data/ch' }), '/repo').chdbPath,
      '/repo/data/ch',
    );
  });

  it('keeps the pid file and broker logs where stack down and status look for them', () => {
    const paths = resolveStackPaths(loadConfig({ LEARNPULSE_HOME: '/srv/lp' }), '/repo');
    assert.equal(paths.pidFile, '/srv/lp/kafka/kafka.pid');
    assert.equal(paths.kafkaLog, '/srv/lp/logs/kafka.log');
  });

  it('finds the committed pom from the compiled module', () => {
    assert.ok(existsSync(KAFKA_POM), KAFKA_POM);
  });
});
