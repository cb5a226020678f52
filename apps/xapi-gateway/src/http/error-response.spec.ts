import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import {
  InvalidStatementsError,
  StatementsNotStoredError,
  TooManyStatementsError,
} from '../statements/statements.errors';
import { toErrorResponse } from './error-response';
import {
  AlternateRequestSyntaxError,
  InvalidJsonBodyError,
  MissingXapiVersionError,
  UnsupportedMediaTypeError,
  UnsupportedXapiVersionError,
} from './http.errors';

describe('toErrorResponse', () => {
  it('answers invalid statements with 400 and every {path, rule}', () => {
    const errors = [{ path: 'statements[3].verb.id', rule: 'must be an absolute IRI' }];
    assert.deepEqual(toErrorResponse(new InvalidStatementsError(errors)), {
      status: 400,
      body: { error: 'invalid statement', errors },
      headers: {},
      unexpected: false,
    });
  });

  it('answers a JSON parse failure with 400 and the reason', () => {
    const response = toErrorResponse(new InvalidJsonBodyError('Unexpected end of JSON input'));
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, {
      error: 'invalid JSON',
      message: 'the request body is not valid JSON: Unexpected end of JSON input',
    });
  });

  it('maps the protocol refusals to 400 and 413 (a wrong body type is a 400 in xAPI)', () => {
    assert.equal(toErrorResponse(new UnsupportedXapiVersionError('0.95')).status, 400);
    assert.equal(toErrorResponse(new MissingXapiVersionError()).status, 400);
    assert.deepEqual(
      toErrorResponse(new MissingXapiVersionError()).body.error,
      'missing xAPI version',
    );
    assert.equal(toErrorResponse(new AlternateRequestSyntaxError('no')).status, 400);
    assert.equal(toErrorResponse(new TooManyStatementsError(1001, 1000)).status, 413);
    assert.equal(toErrorResponse(new UnsupportedMediaTypeError('text/plain')).status, 400);
    assert.match(
      String(toErrorResponse(new UnsupportedMediaTypeError(undefined)).body.message),
      /no Content-Type/,
    );
  });

  it('asks the client to retry later when Kafka did not take the statements', () => {
    const response = toErrorResponse(new StatementsNotStoredError(new Error('broker down')));
    assert.equal(response.status, 503);
    assert.deepEqual(response.headers, { 'Retry-After': '5' });
    assert.doesNotMatch(JSON.stringify(response.body), /broker down/);
    assert.equal(response.unexpected, false);
  });

  it("keeps Nest's HTTP exceptions' status and message", () => {
    assert.deepEqual(
      toErrorResponse(new UnauthorizedException('unknown key or wrong secret')).body,
      {
        error: 'unauthorized',
        message: 'unknown key or wrong secret',
      },
    );
    assert.deepEqual(toErrorResponse(new HttpException('Request body is too large', 413)).body, {
      error: 'payload too large',
      message: 'Request body is too large',
    });
  });

  it('keeps the shape of structured exception bodies such as health reports', () => {
    const report = { status: 'error', info: {}, error: { kafka: { status: 'down' } }, details: {} };
    const response = toErrorResponse(new ServiceUnavailableException(report));
    assert.equal(response.status, 503);
    assert.deepEqual(response.body, report);
  });

  it("maps Fastify's own 4xx errors that arrive unmapped, its 415 to xAPI's 400", () => {
    const error = Object.assign(new Error('Unsupported Media Type'), {
      name: 'FastifyError',
      statusCode: 415,
    });
    assert.deepEqual(toErrorResponse(error), {
      status: 400,
      body: { error: 'unsupported media type', message: 'Unsupported Media Type' },
      headers: {},
      unexpected: false,
    });
    assert.equal(toErrorResponse(new HttpException('Unsupported Media Type', 415)).status, 400);
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      name: 'FastifyError',
      statusCode: 413,
    });
    assert.equal(toErrorResponse(tooLarge).status, 413);
  });

  it('answers anything else with a bare 500 and flags it for the log', () => {
    const response = toErrorResponse(new TypeError('x is undefined at /srv/app.js:12'));
    assert.deepEqual(response, {
      status: 500,
      body: { error: 'internal error' },
      headers: {},
      unexpected: true,
    });
  });
});
