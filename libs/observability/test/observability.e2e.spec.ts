/**
 * The probes and /metrics as a scraper and Kubernetes meet them, on a real Fastify server.
 */
import { loadConfig } from '@learnpulse/config';
import { freePort } from '@learnpulse/testing';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createNestApp, ObservabilityModule, READINESS_CHECKS, type ReadinessCheck } from '../src';

const METRICS_TOKEN = 'observability-test-token-123';

function dependencies(checks: ReadinessCheck[]): DynamicModule {
  @Global()
  @Module({})
  class DependenciesModule {}
  return {
    module: DependenciesModule,
    providers: [{ provide: READINESS_CHECKS, useValue: checks }],
    exports: [READINESS_CHECKS],
  };
}

async function startApp(
  checks: ReadinessCheck[],
  metricsToken?: string,
): Promise<{ app: NestFastifyApplication; url: string }> {
  const port = await freePort();
  const env = loadConfig({
    LOG_LEVEL: 'silent',
    ...(metricsToken === undefined ? {} : { METRICS_TOKEN: metricsToken }),
  });
  @Module({
    imports: [ObservabilityModule.forRoot({ app: 'probe-test', env }), dependencies(checks)],
  })
  class ProbeTestModule {}
  const app = await createNestApp(ProbeTestModule, { env, app: 'probe-test', port });
  return { app, url: `http://${env.HTTP_HOST}:${port}` };
}

describe('health probes', () => {
  let kafkaUp = true;
  let running: { app: NestFastifyApplication; url: string };

  before(async () => {
    running = await startApp([
      {
        name: 'kafka',
        check: () =>
          kafkaUp ? Promise.resolve() : Promise.reject(new Error('broker unreachable')),
      },
      { name: 'clickhouse', check: () => Promise.resolve() },
    ]);
  });
  after(async () => {
    await running.app.close();
  });

  it('answers live while the process serves HTTP', async () => {
    const response = await fetch(`${running.url}/health/live`);
    assert.equal(response.status, 200);
  });

  it('is ready only while every dependency answers, and names the one that does not', async () => {
    kafkaUp = true;
    const ready = await fetch(`${running.url}/health/ready`);
    assert.equal(ready.status, 200);
    kafkaUp = false;
    const notReady = await fetch(`${running.url}/health/ready`);
    assert.equal(notReady.status, 503);
    const body = (await notReady.json()) as {
      error: Record<string, { status: string; message?: string }>;
    };
    assert.deepEqual(Object.keys(body.error), ['kafka']);
    assert.equal(body.error.kafka?.message, 'broker unreachable');
  });

  it('echoes a request id it was given, or makes one', async () => {
    const given = await fetch(`${running.url}/health/live`, {
      headers: { 'x-request-id': 'req-123' },
    });
    assert.equal(given.headers.get('x-request-id'), 'req-123');
    const made = await fetch(`${running.url}/health/live`);
    assert.match(made.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('does not serve /metrics at all without METRICS_TOKEN', async () => {
    const response = await fetch(`${running.url}/metrics`);
    assert.equal(response.status, 404);
  });
});

describe('/metrics', () => {
  let running: { app: NestFastifyApplication; url: string };

  before(async () => {
    running = await startApp([], METRICS_TOKEN);
  });
  after(async () => {
    await running.app.close();
  });

  it('refuses a scraper without the bearer token, or with a wrong one', async () => {
    const none = await fetch(`${running.url}/metrics`);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="metrics"');
    const wrong = await fetch(`${running.url}/metrics`, {
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(wrong.status, 401);
  });

  it('serves Prometheus text with the app label to the token holder', async () => {
    const response = await fetch(`${running.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(
      await response.text(),
      /^learnpulse_process_cpu_seconds_total\{app="probe-test"\} /m,
    );
  });
});
