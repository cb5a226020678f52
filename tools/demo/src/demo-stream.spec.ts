import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { generateDemoStatements } from './demo-simulation';
import type { DemoStatement } from './demo-statement.types';
import { runDemoStream } from './demo-stream';
import { DemoSendError, retryAfterMs } from './statement-sender';

interface Received {
  authorization: string | undefined;
  version: string | undefined;
  statements: DemoStatement[];
}

/** A stand-in xAPI endpoint over real HTTP whose answers each test scripts. */
class FakeLrs {
  received: Received[] = [];
  answers: ((res: ServerResponse) => void)[] = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        assert.equal(req.url, '/xapi/statements');
        assert.equal(req.method, 'POST');
        const statements = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DemoStatement[];
        this.received.push({
          authorization: req.headers.authorization,
          version: req.headers['x-experience-api-version'] as string | undefined,
          statements,
        });
        const answer = this.answers.shift();
        if (answer) {
          answer(res);
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(statements.map((s) => s.id)));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  (res: ServerResponse): void => {
    res.writeHead(code, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: `scripted ${String(code)}` }));
  };

describe('runDemoStream', () => {
  const lrs = new FakeLrs();
  let baseUrl = '';
  const small = {
    seed: 'stream-spec',
    learners: 6,
    backfillDays: 4,
    now: Date.parse('2025-03-12T15:30:00Z'),
  };

  before(async () => {
    baseUrl = await lrs.start();
  });
  after(async () => {
    await lrs.stop();
  });
  beforeEach(() => {
    lrs.received = [];
    lrs.answers = [];
  });

  it('posts the whole backlog in batches with Basic auth and the xAPI version header', async () => {
    const expected = generateDemoStatements(small);
    const result = await runDemoStream({
      ...small,
      baseUrl,
      key: 'demo-lrs',
      secret: 'a-long-secret',
      batchSize: 25,
      liveRatePerSecond: 0,
    });
    assert.equal(result.backfillStatements, expected.length);
    assert.equal(result.batches, Math.ceil(expected.length / 25));
    assert.equal(result.aborted, false);
    assert.deepEqual(
      lrs.received.flatMap((r) => r.statements),
      expected,
    );
    assert.ok(lrs.received.every((r) => r.statements.length <= 25));
    const basic = `Basic ${Buffer.from('demo-lrs:a-long-secret').toString('base64')}`;
    assert.ok(lrs.received.every((r) => r.authorization === basic && r.version === '2.0.0'));
  });

  it('waits for Retry-After on 503 and re-sends the same batch', async () => {
    lrs.answers = [status(503, { 'retry-after': '1' }), status(503, { 'retry-after': '0' })];
    const started = Date.now();
    const result = await runDemoStream({
      ...small,
      baseUrl,
      key: 'k-1',
      secret: 's',
      batchSize: 1_000,
      liveRatePerSecond: 0,
    });
    assert.ok(Date.now() - started >= 1_000, 'did not wait for Retry-After');
    assert.equal(result.retries, 2);
    assert.equal(result.batches, 1);
    assert.equal(lrs.received.length, 3);
    assert.deepEqual(lrs.received[2]?.statements, lrs.received[0]?.statements);
  });

  it('counts a 409 conflict and carries on with the next batch', async () => {
    lrs.answers = [status(409)];
    const result = await runDemoStream({
      ...small,
      baseUrl,
      key: 'k-1',
      secret: 's',
      batchSize: 50,
      liveRatePerSecond: 0,
    });
    assert.equal(result.conflictBatches, 1);
    assert.equal(result.batches, lrs.received.length);
  });

  it('fails with the status and body when the credentials are refused', async () => {
    lrs.answers = [status(401)];
    await assert.rejects(
      runDemoStream({ ...small, baseUrl, key: 'k-1', secret: 'wrong', liveRatePerSecond: 0 }),
      (error: unknown) =>
        error instanceof DemoSendError &&
        error.status === 401 &&
        error.body.includes('scripted 401'),
    );
    assert.equal(lrs.received.length, 1);
  });

  it('retries while the endpoint is unreachable and gives up after maxAttempts', async () => {
    await assert.rejects(
      runDemoStream({
        ...small,
        baseUrl: 'http://127.0.0.1:9',
        key: 'k',
        secret: 's',
        liveRatePerSecond: 0,
        maxAttempts: 2,
      }),
      /after 2 attempts/,
    );
  });

  it('streams live statements stamped with the current time until the signal aborts', async () => {
    const controller = new AbortController();
    const runStarted = Date.now();
    const running = runDemoStream({
      ...small,
      now: Date.now(),
      baseUrl,
      key: 'k',
      secret: 's',
      liveRatePerSecond: 10,
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    controller.abort();
    const result = await running;
    assert.equal(result.aborted, true);
    assert.ok(
      result.liveStatements >= 10 && result.liveStatements <= 30,
      `${String(result.liveStatements)} live statements`,
    );
    const live = lrs.received.flatMap((r) => r.statements).slice(result.backfillStatements);
    assert.equal(live.length, result.liveStatements);
    assert.ok(live.every((s) => Date.parse(s.timestamp) >= runStarted));
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, capped at 30 s', () => {
    assert.equal(retryAfterMs('2'), 2_000);
    assert.equal(retryAfterMs('600'), 30_000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 5_000), 5_000);
    assert.equal(retryAfterMs(null), null);
    assert.equal(retryAfterMs('soon'), null);
  });
});
