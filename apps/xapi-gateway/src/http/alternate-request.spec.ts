import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formXapiVersion,
  isAlternateRequest,
  translateAlternateRequest,
  type AlternateRequest,
} from './alternate-request';

const FORM = 'application/x-www-form-urlencoded';

function request(overrides: Partial<AlternateRequest>): AlternateRequest {
  return {
    path: '/xapi/statements',
    query: { method: 'PUT' },
    contentType: FORM,
    headers: { host: 'lrs', 'content-type': FORM, 'content-length': '99', accept: '*/*' },
    form: {},
    ...overrides,
  };
}

describe('alternate request syntax', () => {
  it('is a POST with a method query parameter', () => {
    assert.equal(isAlternateRequest('POST', { method: 'GET' }), true);
    assert.equal(isAlternateRequest('POST', {}), false);
    assert.equal(isAlternateRequest('GET', { method: 'GET' }), false);
  });

  it('turns header fields into headers, content into the body, the rest into parameters', () => {
    const inner = translateAlternateRequest(
      request({
        form: {
          statementId: 'a1b2',
          Authorization: 'Basic abc',
          'X-Experience-API-Version': '1.0.3',
          'Content-Type': 'application/json',
          'Content-Length': '12',
          content: '{"a":1}',
        },
      }),
    );
    assert.deepEqual(inner, {
      method: 'PUT',
      url: '/xapi/statements?statementId=a1b2',
      headers: {
        accept: '*/*',
        authorization: 'Basic abc',
        'x-experience-api-version': '1.0.3',
        'content-type': 'application/json',
      },
      payload: '{"a":1}',
    });
  });

  it('keeps a GET without content as a GET with its parameters', () => {
    const inner = translateAlternateRequest(
      request({ query: { method: 'GET' }, form: { limit: '1', verb: 'http://x.example/v' } }),
    );
    assert.equal(inner.method, 'GET');
    assert.equal(inner.url, '/xapi/statements?limit=1&verb=http%3A%2F%2Fx.example%2Fv');
    assert.equal(inner.payload, undefined);
  });

  it('refuses extra query parameters, an unknown method and a non-form body', () => {
    assert.throws(
      () => translateAlternateRequest(request({ query: { method: 'PUT', statementId: 'x' } })),
      /everything but "method".*statementId/,
    );
    assert.throws(
      () => translateAlternateRequest(request({ query: { method: 'PATCH' } })),
      /method must be one of/,
    );
    assert.throws(
      () => translateAlternateRequest(request({ contentType: 'application/json' })),
      /x-www-form-urlencoded/,
    );
  });

  it('reads the version a form carries, whatever the case of the field', () => {
    assert.equal(formXapiVersion({ 'x-experience-api-version': '1.0.3' }), '1.0.3');
    assert.equal(formXapiVersion({ content: '{}' }), undefined);
    assert.equal(formXapiVersion(undefined), undefined);
  });
});
