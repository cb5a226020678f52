/**
 * The known-ids seed against a real embedded ClickHouse: every stored id comes back across
 * several keyset pages (a page boundary inside one stored time, and one between tenants).
 */
import {
  type ClickHouseClient,
  createClickHouseClient,
  runMigrations,
} from '@learnpulse/clickhouse';
import { loadConfig } from '@learnpulse/config';
import { tempDir } from '@learnpulse/testing';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { statementKey } from '../src/known-ids/known-statement-ids';
import { readStoredStatementKeys } from '../src/known-ids/stored-statement-ids';

describe('readStoredStatementKeys', () => {
  const dataDir = tempDir('stored-ids');
  let client: ClickHouseClient;
  const stored: { tenant: string; id: string; stored: string }[] = [];

  before(async () => {
    const env = loadConfig({ ...process.env, CHDB_PATH: dataDir });
    client = createClickHouseClient(env);
    await runMigrations(client, env);
    // Three rows share one stored time, so a page can end inside it.
    const times = ['2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000'];
    times.push('2026-11-02 08:30:00.250', '2026-11-03 23:59:59.999');
    for (const tenant of ['tenant-a', 'tenant-b']) {
      for (const time of times) stored.push({ tenant, id: randomUUID(), stored: time });
    }
    await client.insert({
      table: 'xapi_statements',
      values: stored.map((row, k) => ({
        tenant: row.tenant,
        statement_id: row.id,
        verb_id: 'http://adlnet.gov/expapi/verbs/experienced',
        actor: 'mbox:mailto:learner@example.org',
        object_id: 'https://example.org/activity',
        timestamp: row.stored,
        stored: row.stored,
        version: '2.0.0',
        statement: '{}',
        kafka_partition: 0,
        kafka_offset: k,
      })),
      format: 'JSONEachRow',
    });
  });

  after(async () => {
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns every stored id once across pages of two', async () => {
    const keys: string[] = [];
    const total = await readStoredStatementKeys(client, (key) => keys.push(key), { pageRows: 2 });
    assert.equal(total, stored.length);
    assert.deepEqual(
      [...keys].sort(),
      stored.map((row) => statementKey(row.tenant, row.id)).sort(),
    );
  });

  it('returns them all in one page when the page is larger than the store', async () => {
    const keys: string[] = [];
    assert.equal(await readStoredStatementKeys(client, (key) => keys.push(key)), stored.length);
    assert.equal(new Set(keys).size, stored.length);
  });

  it('stops after the page on which it is told to stop', async () => {
    const keys: string[] = [];
    const total = await readStoredStatementKeys(client, (key) => keys.push(key), {
      pageRows: 3,
      stopped: () => true,
    });
    assert.equal(total, 3);
    assert.equal(keys.length, 3);
  });
});
