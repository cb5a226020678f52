import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from './test-helpers';

interface FileOutcome {
  code: number | null;
  output: string;
  ms: number;
}

/**
 * Runs one spec file with `node --test` and exit-when-done preloaded, as the runner does, with
 * a short grace. A separate process: node:test will not run files from inside a test file.
 */
async function runFile(
  source: string,
  extraEnv: Record<string, string> = {},
): Promise<FileOutcome> {
  const file = path.join(tempDir('exit-when-done'), 'probe.spec.js');
  writeFileSync(file, source);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEARNPULSE_TEST_EXIT_GRACE_MS: '300',
    ...extraEnv,
  };
  delete env.NODE_TEST_CONTEXT;
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--require',
      path.join(__dirname, 'exit-when-done.js'),
      file,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output, ms: Date.now() - started };
}

describe('exit-when-done (preloaded into every spec file)', () => {
  it('fails a file whose setup failed and left a handle open, instead of waiting forever', async () => {
    const outcome = await runFile(`
      const { describe, it, before } = require('node:test');
      describe('setup fails half-way', () => {
        before(() => { setInterval(() => {}, 1000); throw new Error('broker not ready'); });
        it('never runs', () => {});
      });`);
    assert.notEqual(outcome.code, 0);
    assert.match(outcome.output, /broker not ready/);
    assert.match(outcome.output, /still running 0.3 s after its tests ended/);
    assert.ok(outcome.ms < 30_000, `took ${outcome.ms} ms`);
  });

  it('fails a passing file that leaks a handle', async () => {
    const outcome = await runFile(`
      const { it } = require('node:test');
      it('leaks a timer', () => { setInterval(() => {}, 1000); });`);
    assert.notEqual(outcome.code, 0);
    assert.match(outcome.output, /still running 0.3 s after its tests ended/);
  });

  it('fails a file whose after hook never returns, once its run passes the file limit', async () => {
    const outcome = await runFile(
      `
      const { after, describe, it } = require('node:test');
      describe('a suite whose cleanup hangs', () => {
        after(() => new Promise(() => { setInterval(() => {}, 1000); }));
        it('passes', () => {});
      });`,
      { LEARNPULSE_TEST_FILE_LIMIT_MS: '1500' },
    );
    assert.notEqual(outcome.code, 0);
    assert.match(outcome.output, /still running 1.5 s after it started/);
    assert.ok(outcome.ms < 30_000, `took ${outcome.ms} ms`);
  });

  it('lets a clean file end by itself, with every result reported', async () => {
    const outcome = await runFile(`
      const { it } = require('node:test');
      for (let i = 0; i < 500; i += 1) it('test ' + i, () => {});`);
    assert.equal(outcome.code, 0, outcome.output);
    assert.match(outcome.output, /ℹ pass 500\n/);
    assert.doesNotMatch(outcome.output, /still running/);
  });
});
