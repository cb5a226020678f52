import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { type LearningEvent } from '@learnpulse/events';
import {
  learnerPseudonym,
  learnerPseudonyms,
  PSEUDONYM_PATTERN,
  pseudonymiseLearningEvent,
  tenantLearnerPseudonyms,
} from './learner-pseudonyms';

const KEY = 'p'.repeat(32);

const event: LearningEvent = {
  eventId: '00000000-0000-4000-8000-000000000001',
  tenant: 'acme',
  source: 'xapi',
  learnerId: 'mbox:mailto:ana@example.org',
  learnerAnonymous: false,
  courseId: 'https://lms.example/course/1',
  objectId: 'mbox:mailto:tutor@example.org',
  objectType: 'agent',
  action: 'other',
  score: null,
  occurredAt: 1,
  receivedAt: 2,
  payload: '{}',
};

describe('pseudonymiseLearningEvent', () => {
  it('is HMAC-SHA256 of tenant NUL identity under the key, truncated to 128 bits (stable)', () => {
    for (const key of [KEY, 'another-key-of-at-least-32-characters']) {
      const expected = createHmac('sha256', key)
        .update('acme\0mbox:mailto:ana@example.org')
        .digest('hex')
        .slice(0, 32);
      assert.equal(learnerPseudonym(key, 'acme', 'mbox:mailto:ana@example.org'), expected);
    }
  });

  it('replaces the learner and a person object by their per-tenant pseudonyms, nothing else', () => {
    const out = pseudonymiseLearningEvent(event, learnerPseudonyms(KEY, 'acme'));
    assert.equal(out.learnerId, learnerPseudonym(KEY, 'acme', 'mbox:mailto:ana@example.org'));
    assert.equal(out.objectId, learnerPseudonym(KEY, 'acme', 'mbox:mailto:tutor@example.org'));
    assert.match(out.learnerId, PSEUDONYM_PATTERN);
    assert.deepEqual({ ...out, learnerId: event.learnerId, objectId: event.objectId }, event);
  });

  it('keeps an activity object and hashes the identity the caller derives', () => {
    const activity = { ...event, learnerId: '11391', objectId: 'AAA-2013J', objectType: 'page' };
    const out = pseudonymiseLearningEvent(
      activity,
      learnerPseudonyms(KEY, 'acme'),
      (id) => `oulad:${id}`,
    );
    assert.equal(out.objectId, 'AAA-2013J');
    assert.equal(out.learnerId, learnerPseudonym(KEY, 'acme', 'oulad:11391'));
  });

  it('gives each tenant its own pseudonyms and reuses one provider per tenant', () => {
    const forTenant = tenantLearnerPseudonyms(KEY);
    assert.equal(forTenant('acme'), forTenant('acme'));
    assert.notEqual(forTenant('acme')('user:7'), forTenant('globex')('user:7'));
    assert.equal(forTenant('acme')('user:7'), learnerPseudonym(KEY, 'acme', 'user:7'));
  });
});
