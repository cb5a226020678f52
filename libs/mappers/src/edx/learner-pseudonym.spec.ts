import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEdxEvent } from './edx-event';
import { edxLearnerPseudonyms, learnerPseudonym } from './learner-pseudonym';

const KEY = 'k'.repeat(32);

function edx(fields: Record<string, unknown>) {
  const parsed = parseEdxEvent({
    name: 'play_video',
    timestamp: '2024-05-01T12:00:00Z',
    ...fields,
  });
  assert.ok(parsed.ok);
  return parsed.event;
}

describe('learnerPseudonym', () => {
  it('is stable for the same key, tenant and identity, and 32 hex characters', () => {
    const first = learnerPseudonym(KEY, 'acme', 'user:7');
    assert.equal(first, learnerPseudonym(KEY, 'acme', 'user:7'));
    assert.match(first, /^[0-9a-f]{32}$/);
  });

  it('differs across tenants, identities and keys', () => {
    const base = learnerPseudonym(KEY, 'acme', 'user:7');
    assert.notEqual(base, learnerPseudonym(KEY, 'globex', 'user:7'));
    assert.notEqual(base, learnerPseudonym(KEY, 'acme', 'user:8'));
    assert.notEqual(base, learnerPseudonym('x'.repeat(32), 'acme', 'user:7'));
  });

  it('does not let the tenant/identity boundary shift', () => {
    assert.notEqual(learnerPseudonym(KEY, 'a', 'b:c'), learnerPseudonym(KEY, 'a:b', 'c'));
  });
});

describe('edxLearnerPseudonyms', () => {
  const pseudonyms = edxLearnerPseudonyms(KEY, 'acme');

  it('hashes the edX user id, else the username, else the anonymous session', () => {
    assert.equal(
      pseudonyms(edx({ context: { user_id: 7 }, username: 'ana' })),
      learnerPseudonym(KEY, 'acme', 'user:7'),
    );
    assert.equal(
      pseudonyms(edx({ username: 'ana' })),
      learnerPseudonym(KEY, 'acme', 'username:ana'),
    );
    assert.equal(
      pseudonyms(edx({ username: 'anonymous', session: 's1' })),
      learnerPseudonym(KEY, 'acme', 'session:s1'),
    );
  });

  it('never returns the edX id itself', () => {
    assert.doesNotMatch(pseudonyms(edx({ username: 'ana' })), /ana/);
  });
});

describe('edxLearnerPseudonyms memo', () => {
  it('answers a repeated identity with the same pseudonym as a fresh provider', () => {
    const key = 'x'.repeat(40);
    const provider = edxLearnerPseudonyms(key, 'acme');
    const parsed = parseEdxEvent({
      event_type: 'play_video',
      time: '2024-01-01T00:00:00Z',
      context: { user_id: 7 },
    });
    assert.ok(parsed.ok);
    const first = provider(parsed.event);
    assert.equal(provider(parsed.event), first);
    assert.equal(edxLearnerPseudonyms(key, 'acme')(parsed.event), first);
    assert.notEqual(edxLearnerPseudonyms(key, 'other')(parsed.event), first);
  });
});
