import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAdminToken } from './admin-token.guard';
import { parseLearnerAdminRequest } from './learner-admin-request';

describe('parseLearnerAdminRequest', () => {
  it('accepts tenant, learner and an optional requestedBy', () => {
    assert.deepEqual(parseLearnerAdminRequest({ tenant: 'acme', learner: 'mailto:a@b.example' }), {
      ok: true,
      request: { tenant: 'acme', learner: 'mailto:a@b.example' },
    });
  });

  it('names each missing, empty or unknown field with its rule', () => {
    const result = parseLearnerAdminRequest({ tenant: '', requestedBy: 7, other: true });
    if (result.ok) throw new Error('accepted a bad request');
    assert.deepEqual(result.errors.map((e) => e.field).sort(), [
      'body',
      'learner',
      'requestedBy',
      'tenant',
    ]);
    const notObject = parseLearnerAdminRequest('erase everyone');
    assert.ok(!notObject.ok);
    assert.deepEqual(notObject.errors, [
      { field: 'body', rule: 'must be a JSON object {tenant, learner, requestedBy?}' },
    ]);
  });
});

describe('isAdminToken', () => {
  it('accepts only the exact token, whatever the length of the guess', () => {
    const token = 'o'.repeat(40);
    assert.equal(isAdminToken(token, token), true);
    assert.equal(isAdminToken(`${token}x`, token), false);
    assert.equal(isAdminToken('o', token), false);
    assert.equal(isAdminToken('p'.repeat(40), token), false);
  });
});
