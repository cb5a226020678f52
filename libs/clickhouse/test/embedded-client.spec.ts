import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  type ClickHouseClient,
  createClickHouseClient,
  EmbeddedEngineBusyError,
  embeddedEngineState,
} from '../src';
import { embeddedTestEnv } from './embedded-env';

async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}

describe('embedded ClickHouse client', () => {
  const first = embeddedTestEnv('lp_first');
  const second = embeddedTestEnv('lp_second');
  after(() => {
    first.remove();
    second.remove();
  });

  it('runs every query in CLICKHOUSE_DATABASE, which it creates', async () => {
    const client = createClickHouseClient(first.env);
    try {
      assert.deepEqual(await rows(client, 'SELECT currentDatabase() AS db'), [{ db: 'lp_first' }]);
      await client.command({ query: 'CREATE TABLE t (x UInt32) ENGINE = MergeTree ORDER BY x' });
      await client.insert({ table: 't', values: [{ x: 1 }], format: 'JSONEachRow' });
      assert.deepEqual(await rows(client, "SELECT database FROM system.tables WHERE name = 't'"), [
        { database: 'lp_first' },
      ]);
      const other = createClickHouseClient({ ...first.env, CLICKHOUSE_DATABASE: 'lp_other' });
      try {
        assert.deepEqual(await rows(other, 'SELECT currentDatabase() AS db'), [{ db: 'lp_other' }]);
        assert.deepEqual(await rows(client, 'SELECT currentDatabase() AS db'), [
          { db: 'lp_first' },
        ]);
      } finally {
        await other.close();
      }
    } finally {
      await client.close();
    }
  });

  it('keeps per-query settings to their query', async () => {
    const client = createClickHouseClient(first.env);
    try {
      await client.command({
        query:
          'CREATE TABLE dedup (x UInt32) ENGINE = MergeTree ORDER BY x SETTINGS non_replicated_deduplication_window = 100',
      });
      await client.insert({
        table: 'dedup',
        values: [{ x: 1 }],
        format: 'JSONEachRow',
        clickhouse_settings: { insert_deduplication_token: 'only-this-insert' },
      });
      // On a bare chdb connection this token would stay set and drop the next insert.
      await client.insert({ table: 'dedup', values: [{ x: 2 }], format: 'JSONEachRow' });
      assert.deepEqual(await rows(client, 'SELECT count() AS n FROM dedup'), [{ n: '2' }]);
      assert.deepEqual(
        await rows(client, "SELECT getSetting('insert_deduplication_token') AS token"),
        [{ token: '' }],
      );

      const readonly = await client.query({
        query: "SELECT getSetting('readonly') AS r",
        format: 'JSONEachRow',
        clickhouse_settings: { readonly: '1' },
      });
      const [setting] = await readonly.json<{ r: number | string }>();
      assert.equal(Number(setting?.r), 1);
      await client.insert({ table: 'dedup', values: [{ x: 3 }], format: 'JSONEachRow' });
      assert.deepEqual(await rows(client, 'SELECT count() AS n FROM dedup'), [{ n: '3' }]);
    } finally {
      await client.close();
    }
  });

  it('runs concurrent queries of several clients on the one shared engine', async () => {
    const a = createClickHouseClient(first.env);
    const b = createClickHouseClient(first.env);
    try {
      assert.equal(embeddedEngineState()?.references, 2);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, k) =>
          rows<{ k: string }>(k % 2 === 0 ? a : b, `SELECT toString(${k}) AS k, sleep(0.01)`),
        ),
      );
      assert.deepEqual(
        answers.map((r) => r[0]?.k),
        Array.from({ length: 40 }, (_, k) => String(k)),
      );
    } finally {
      await a.close();
      assert.equal(embeddedEngineState()?.references, 1);
      assert.deepEqual(await rows(b, 'SELECT count() AS n FROM t'), [{ n: '1' }]);
      await b.close();
      await b.close(); // closing twice releases once
    }
    assert.equal(embeddedEngineState(), undefined);
  });

  it('refuses a second data folder while one is open, and opens it after the last close', async () => {
    const client = createClickHouseClient(first.env);
    assert.throws(() => createClickHouseClient(second.env), EmbeddedEngineBusyError);
    await client.close();
    const moved = createClickHouseClient(second.env);
    try {
      assert.deepEqual(await rows(moved, 'SELECT currentDatabase() AS db'), [{ db: 'lp_second' }]);
      assert.equal(embeddedEngineState()?.path, second.dir);
    } finally {
      await moved.close();
    }
  });
});
