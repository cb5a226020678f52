import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { embeddedTestEnv } from './embedded-env';

describe('embedded engine in a process whose stdin is a pipe with data on it', () => {
  const engine = embeddedTestEnv();
  after(() => {
    engine.remove();
  });

  it('stores exactly the inline rows: the piped bytes never become INSERT data', async () => {
    const child = spawn(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'insert-with-piped-stdin.js')],
      {
        env: {
          ...process.env,
          CHDB_PATH: engine.dir,
          CLICKHOUSE_DATABASE: engine.env.CLICKHOUSE_DATABASE,
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    // Rows chdb would take as external data for the INSERT; the pipe stays open meanwhile.
    child.stdin.write('{"a":9999}\n');
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    child.stdin.destroy();
    assert.equal(output.trim(), JSON.stringify([{ a: 1 }, { a: 2 }]));
    assert.equal(code, 0);
  });
});
