/** The process entry point: refuses a bad configuration, and stops cleanly on SIGTERM. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import { basicAuthHeader } from '@learnpulse/auth';
import { freePort, uniqueName, waitFor } from '@learnpulse/testing';

const mainJs = path.resolve(__dirname, '../src/main.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [mainJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return {
    child,
    exited: exited.finally(() => {
      clearTimeout(timer);
    }),
  };
}

describe('xapi-gateway main.js', () => {
  it('exits non-zero naming XAPI_GATEWAY_PORT when it is not a port', async () => {
    const { exited } = run({ ...process.env, XAPI_GATEWAY_PORT: 'abc' });
    const { code, stderr } = await exited;
    assert.notEqual(code, 0);
    assert.match(stderr, /XAPI_GATEWAY_PORT/);
  });

  it('exits non-zero naming LEARNER_PSEUDONYM_KEY when it is missing', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, XAPI_GATEWAY_PORT: String(await freePort()) };
    delete env.LEARNER_PSEUDONYM_KEY;
    const { code, stderr } = await run(env).exited;
    assert.equal(code, 78);
    assert.match(stderr, /LEARNER_PSEUDONYM_KEY: required by xapi-gateway/);
  });

  it('serves, then on SIGTERM flushes the producer and exits 0', async () => {
    const port = await freePort();
    const key = uniqueName('key');
    const secret = randomBytes(12).toString('hex');
    const { child, exited } = run({
      ...process.env,
      LOG_LEVEL: 'info',
      XAPI_GATEWAY_PORT: String(port),
      DEMO_TENANT: uniqueName('t'),
      DEMO_LRS_KEY: key,
      DEMO_LRS_SECRET: secret,
      LEARNER_PSEUDONYM_KEY: randomBytes(32).toString('base64url'),
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('the gateway to be live', async () => {
      const response = await fetch(`${baseUrl}/health/live`);
      return response.ok ? true : undefined;
    });
    const response = await fetch(`${baseUrl}/xapi/statements`, {
      method: 'POST',
      headers: {
        authorization: basicAuthHeader(key, secret),
        'content-type': 'application/json',
        'x-experience-api-version': '2.0.0',
      },
      body: JSON.stringify({
        actor: { mbox: 'mailto:a@b.example' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
        object: { id: 'https://lms.example/page/1' },
      }),
    });
    assert.equal(response.status, 200);
    child.kill('SIGTERM');
    const { code, stdout } = await exited;
    assert.equal(code, 0);
    assert.match(stdout, /kafka producer flushed and closed/);
  });
});
