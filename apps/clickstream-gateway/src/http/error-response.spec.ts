import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PayloadTooLargeException, UnauthorizedException } from '@nestjs/common';
import { toErrorResponse } from './error-response';
import {
  EventsNotStoredError,
  InvalidCaliperEnvelopeError,
  InvalidEdxEventsError,
  UnsupportedMediaTypeError,
} from './http.errors';

describe('toErrorResponse', () => {
  it('answers bad edX lines with 400 and the listed errors', () => {
    const errors = [{ line: 3, path: 'event', rule: 'must be JSON text' }];
    assert.deepEqual(toErrorResponse(new InvalidEdxEventsError(errors, 1)), {
      status: 400,
      body: { error: 'invalid edX events', errors },
      headers: {},
      unexpected: false,
    });
  });

  it('says how many problems there were when not all are listed', () => {
    const errors = [{ line: 1, path: 'event', rule: 'must be JSON text' }];
    const { body } = toErrorResponse(new InvalidEdxEventsError(errors, 250));
    assert.equal(body.message, '250 problems, the first 1 listed');
  });

  it('answers a bad Caliper envelope with 400 and the errors', () => {
    const errors = [{ path: 'data[0].actor.id', rule: 'must be an IRI' }];
    const response = toErrorResponse(new InvalidCaliperEnvelopeError(errors));
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, { error: 'invalid Caliper envelope', errors });
  });

  it('answers 415 for a media type the route does not take', () => {
    const response = toErrorResponse(
      new UnsupportedMediaTypeError('text/csv', ['application/json']),
    );
    assert.equal(response.status, 415);
    assert.equal(response.body.error, 'unsupported media type');
  });

  it('answers 503 with Retry-After when Kafka did not acknowledge', () => {
    const response = toErrorResponse(new EventsNotStoredError(new Error('broker down')));
    assert.equal(response.status, 503);
    assert.equal(response.headers['Retry-After'], '5');
    assert.doesNotMatch(JSON.stringify(response.body), /broker down/);
  });

  it('keeps the status of Nest exceptions and Fastify errors (401, 413)', () => {
    assert.equal(toErrorResponse(new UnauthorizedException('no')).status, 401);
    assert.equal(toErrorResponse(new PayloadTooLargeException()).status, 413);
    const fastify = Object.assign(new Error('Request body is too large'), {
      name: 'FastifyError',
      statusCode: 413,
    });
    assert.deepEqual(toErrorResponse(fastify).body, {
      error: 'payload too large',
      message: 'Request body is too large',
    });
  });

  it('hides unexpected errors behind a 500', () => {
    const response = toErrorResponse(new TypeError('secret detail'));
    assert.equal(response.status, 500);
    assert.equal(response.unexpected, true);
    assert.deepEqual(response.body, { error: 'internal error' });
  });
});
