import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ArgumentsHost } from '@nestjs/common';
import pino from 'pino';
import { ErrorResponseFilter } from './error-response.filter';
import { type ErrorResponse, toHttpErrorResponse } from './http-error-response';

class SpecFilter extends ErrorResponseFilter {
  protected override toErrorResponse(exception: unknown): ErrorResponse {
    return toHttpErrorResponse(exception);
  }
}

interface Sent {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function hostFor(sent: Sent): ArgumentsHost {
  const reply = {
    status(status: number) {
      sent.status = status;
      return reply;
    },
    headers(headers: Record<string, string>) {
      sent.headers = headers;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return Promise.resolve();
    },
  };
  const request = { id: 'req-1', tenant: 'uni', url: '/v1/x' };
  return {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

function logged(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

describe('ErrorResponseFilter', () => {
  it("answers with the subclass' mapping: status, headers and body", () => {
    const { logger, lines } = logged();
    const sent: Sent = {};
    new SpecFilter(logger).catch(
      Object.assign(new Error('Request body is too large'), {
        name: 'FastifyError',
        statusCode: 413,
      }),
      hostFor(sent),
    );
    assert.deepEqual(sent, {
      status: 413,
      headers: {},
      body: { error: 'payload too large', message: 'Request body is too large' },
    });
    assert.equal(lines.length, 0);
  });

  it('logs an unexpected failure with the request, and answers without its details', () => {
    const { logger, lines } = logged();
    const sent: Sent = {};
    new SpecFilter(logger).catch(new TypeError('secret detail'), hostFor(sent));
    assert.deepEqual(sent, { status: 500, headers: {}, body: { error: 'internal error' } });
    assert.equal(lines.length, 1);
    const line = lines[0]!;
    assert.equal(line.msg, 'unexpected error');
    assert.equal(line.requestId, 'req-1');
    assert.equal(line.tenant, 'uni');
    assert.equal(line.url, '/v1/x');
    assert.equal((line.err as { message: string }).message, 'secret detail');
  });
});
