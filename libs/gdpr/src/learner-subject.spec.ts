import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { learnerPseudonym } from '@learnpulse/mappers';
import {
  GdprRequestError,
  learnerIdsOf,
  parseLearnerReference,
  subjectOfIdentities,
} from './learner-subject';

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe('parseLearnerReference', () => {
  it('takes a pseudonym as it is', () => {
    const pseudonym = 'a'.repeat(32);
    assert.deepEqual(parseLearnerReference(pseudonym), { kind: 'pseudonym', pseudonym });
  });

  it('reads an email, a mailto and an mbox as the mbox and its SHA-1 form', () => {
    const expected = {
      kind: 'identities',
      identities: ['mbox:mailto:ana@uni.example', `mbox_sha1sum:${sha1('mailto:ana@uni.example')}`],
    };
    assert.deepEqual(parseLearnerReference('ana@uni.example'), expected);
    assert.deepEqual(parseLearnerReference('mailto:ana@uni.example'), expected);
    assert.deepEqual(parseLearnerReference(' mbox:mailto:ana@uni.example '), expected);
  });

  it('keeps xAPI, edX and OULAD identities, and reads digits as an edX user id', () => {
    for (const value of [
      'account:https://lms.example|42',
      'openid:https://id.example/a',
      'username:ana',
      'user:7',
      'oulad:11391',
    ]) {
      assert.deepEqual(parseLearnerReference(value), { kind: 'identities', identities: [value] });
    }
    assert.deepEqual(
      parseLearnerReference('MBOX_SHA1SUM:ABC'.replace('MBOX_SHA1SUM', 'mbox_sha1sum')),
      {
        kind: 'identities',
        identities: ['mbox_sha1sum:abc'],
      },
    );
    assert.deepEqual(parseLearnerReference('42'), { kind: 'identities', identities: ['user:42'] });
  });

  it('reads an IRI as a Caliper actor and as an xAPI openid', () => {
    assert.deepEqual(parseLearnerReference('https://example.edu/users/554433'), {
      kind: 'identities',
      identities: ['https://example.edu/users/554433', 'openid:https://example.edu/users/554433'],
    });
  });

  it('refuses an empty value and one of no known form, naming the rule', () => {
    assert.throws(
      () => parseLearnerReference('  '),
      (e: unknown) => e instanceof GdprRequestError && e.rule === 'must not be empty',
    );
    assert.throws(() => parseLearnerReference('ana smith'), /learner: must be one of/);
  });
});

describe('subjectOfIdentities', () => {
  const key = 'k'.repeat(32);

  it('pseudonymises each identity for the tenant and searches both forms', () => {
    const subject = subjectOfIdentities('acme', ['user:7'], key);
    assert.deepEqual(subject.pseudonyms, [learnerPseudonym(key, 'acme', 'user:7')]);
    assert.deepEqual(learnerIdsOf(subject), [learnerPseudonym(key, 'acme', 'user:7'), 'user:7']);
  });

  it('needs the pseudonym key for a raw identifier', () => {
    assert.throws(
      () => subjectOfIdentities('acme', ['user:7'], undefined),
      /LEARNER_PSEUDONYM_KEY/,
    );
  });
});
