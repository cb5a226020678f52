import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { chooseRoute, RouteError } from './learner-request.route';

const TOKEN = 't'.repeat(40);
const base = { HTTP_HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN, CLICKHOUSE_URL: undefined };

/** A stand-in for a running analytics-api: only /health/live answers. */
async function liveServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/health/live' ? 200 : 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

describe('chooseRoute', () => {
  it('goes to a running analytics-api, and straight to ClickHouse when none answers', async () => {
    const live = await liveServer();
    try {
      assert.deepEqual(
        await chooseRoute({ ...base, ANALYTICS_API_PORT: live.port }, 'auto', undefined),
        {
          kind: 'admin-api',
          baseUrl: `http://127.0.0.1:${String(live.port)}`,
          token: TOKEN,
        },
      );
    } finally {
      await live.close();
    }
    assert.deepEqual(
      await chooseRoute({ ...base, ANALYTICS_API_PORT: live.port }, 'auto', undefined),
      { kind: 'direct' },
    );
  });

  it('uses a ClickHouse server directly, and --via wins', async () => {
    const server = { ...base, ANALYTICS_API_PORT: 1, CLICKHOUSE_URL: 'http://ch.example:8123' };
    assert.deepEqual(await chooseRoute(server, 'auto', undefined), { kind: 'direct' });
    assert.equal((await chooseRoute(server, 'api', 'http://api.example/')).kind, 'admin-api');
    assert.deepEqual(await chooseRoute({ ...base, ANALYTICS_API_PORT: 1 }, 'direct', undefined), {
      kind: 'direct',
    });
  });

  it('needs the operator token to go through the API', async () => {
    await assert.rejects(
      chooseRoute({ ...base, ADMIN_TOKEN: undefined, ANALYTICS_API_PORT: 1 }, 'api', undefined),
      (error: unknown) =>
        error instanceof RouteError && /ADMIN_TOKEN is not set/.test(error.message),
    );
  });
});
