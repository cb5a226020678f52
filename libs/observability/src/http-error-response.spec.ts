import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BadRequestException,
  ConflictException,
  HttpException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  errorAnswer,
  fastifyClientErrorStatus,
  HTTP_REASONS,
  reasonOf,
  toHttpErrorResponse,
  unavailableAnswer,
} from './http-error-response';

function fastifyError(message: string, statusCode: number): Error {
  return Object.assign(new Error(message), { name: 'FastifyError', statusCode });
}

describe('toHttpErrorResponse', () => {
  it("keeps Nest's HTTP exceptions' status and message, under the status' reason", () => {
    assert.deepEqual(toHttpErrorResponse(new UnauthorizedException('wrong secret')), {
      status: 401,
      body: { error: 'unauthorized', message: 'wrong secret' },
      headers: {},
      unexpected: false,
    });
    assert.deepEqual(
      toHttpErrorResponse(new HttpException('Request body is too large', 413)).body,
      {
        error: 'payload too large',
        message: 'Request body is too large',
      },
    );
    assert.equal(toHttpErrorResponse(new PayloadTooLargeException()).status, 413);
  });

  it('joins a list of messages (validation pipes) with semicolons', () => {
    const response = toHttpErrorResponse(new BadRequestException(['a is missing', 'b is late']));
    assert.deepEqual(response.body, { error: 'bad request', message: 'a is missing; b is late' });
  });

  it('keeps the shape of structured exception bodies such as health reports', () => {
    const report = { status: 'error', info: {}, error: { kafka: { status: 'down' } }, details: {} };
    const response = toHttpErrorResponse(new ServiceUnavailableException(report));
    assert.equal(response.status, 503);
    assert.deepEqual(response.body, report);
  });

  it("names a status without a reason by its class, or by the app's own reasons", () => {
    assert.equal(toHttpErrorResponse(new ConflictException('taken')).body.error, 'request refused');
    const reasons = { ...HTTP_REASONS, 409: 'conflict' };
    assert.equal(
      toHttpErrorResponse(new ConflictException('taken'), reasons).body.error,
      'conflict',
    );
    assert.equal(toHttpErrorResponse(new HttpException('x', 502)).body.error, 'server error');
  });

  it("maps Fastify's own 4xx errors, but not its 5xx or other errors' status codes", () => {
    assert.deepEqual(toHttpErrorResponse(fastifyError('Unsupported Media Type', 415)), {
      status: 415,
      body: { error: 'unsupported media type', message: 'Unsupported Media Type' },
      headers: {},
      unexpected: false,
    });
    assert.equal(toHttpErrorResponse(fastifyError('boom', 500)).status, 500);
    assert.equal(toHttpErrorResponse(fastifyError('boom', 500)).unexpected, true);
    const notFastify = Object.assign(new Error('x'), { statusCode: 400 });
    assert.equal(fastifyClientErrorStatus(notFastify), undefined);
  });

  it('answers anything else with a bare 500 and flags it for the log', () => {
    for (const exception of [new TypeError('x is undefined at /srv/app.js:12'), 'thrown text']) {
      assert.deepEqual(toHttpErrorResponse(exception), {
        status: 500,
        body: { error: 'internal error' },
        headers: {},
        unexpected: true,
      });
    }
  });
});

describe('the building blocks', () => {
  it('unavailableAnswer is a 503 that asks the client to retry after 5 s', () => {
    assert.deepEqual(unavailableAnswer('broker down'), {
      status: 503,
      body: { error: 'service unavailable', message: 'broker down' },
      headers: { 'Retry-After': '5' },
      unexpected: false,
    });
  });

  it('errorAnswer is an expected failure without extra headers by default', () => {
    assert.deepEqual(errorAnswer(400, { error: 'bad', errors: [1] }), {
      status: 400,
      body: { error: 'bad', errors: [1] },
      headers: {},
      unexpected: false,
    });
    assert.equal(reasonOf(418), 'request refused');
  });
});
