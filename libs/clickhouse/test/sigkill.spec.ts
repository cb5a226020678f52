import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createClickHouseClient } from '../src';
import { embeddedTestEnv } from './embedded-env';

describe('embedded engine after a SIGKILL', () => {
  const engine = embeddedTestEnv();
  after(() => {
    engine.remove();
  });

  it('opens the data folder of a killed process, with every acknowledged insert', async () => {
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'hold-engine.js')], {
      env: {
        ...process.env,
        CHDB_PATH: engine.dir,
        CLICKHOUSE_DATABASE: engine.env.CLICKHOUSE_DATABASE,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    let output = '';
    child.stdout.setEncoding('utf8');
    const enough = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const lines = output.split('\n');
        output = lines.pop() ?? '';
        for (const line of lines) acknowledged = Number(line.replace('inserted ', ''));
        if (acknowledged >= 20) resolve();
      });
    });
    await enough;

    // While it runs, the folder is locked to it.
    assert.throws(
      () => createClickHouseClient(engine.env),
      /Cannot lock file|Failed to create connection/,
    );

    child.kill('SIGKILL');
    await once(child, 'exit');

    const client = createClickHouseClient(engine.env);
    try {
      const result = await client.query({
        query: 'SELECT count() AS n FROM held',
        format: 'JSONEachRow',
      });
      const [row] = await result.json<{ n: string }>();
      assert.ok(
        Number(row?.n) >= acknowledged * 1000,
        `${row?.n} rows for ${acknowledged} acknowledged blocks`,
      );
      assert.equal(Number(row?.n) % 1000, 0, 'no block is half there');
      await client.insert({ table: 'held', values: [{ x: 0 }], format: 'JSONEachRow' });
    } finally {
      await client.close();
    }
  });
});
