import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementFingerprint } from './statement-fingerprint';

const base = {
  id: 'a',
  actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@x' }, { mbox: 'mailto:b@x' }] },
  verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { en: 'passed' } },
  object: { id: 'https://x/1', definition: { name: { en: 'one' } } },
  result: { extensions: { 'https://x/e': { b: 1, a: [2, 1] } } },
  timestamp: '2024-05-01T12:00:00Z',
};

describe('statementFingerprint', () => {
  it('ignores what the LRS sets, member order, definitions, verb display and timestamp form', () => {
    const same = {
      timestamp: '2024-05-01T14:00:00.000+02:00',
      result: { extensions: { 'https://x/e': { a: [2, 1], b: 1 } } },
      object: { id: 'https://x/1' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      actor: { member: [{ mbox: 'mailto:b@x' }, { mbox: 'mailto:a@x' }], objectType: 'Group' },
      id: 'b',
      stored: 'now',
      authority: { mbox: 'mailto:lrs@x' },
      version: '1.0.0',
    };
    assert.equal(statementFingerprint(base), statementFingerprint(same));
  });

  it('changes with the content, extension arrays in order included', () => {
    const fingerprint = statementFingerprint(base);
    assert.notEqual(fingerprint, statementFingerprint({ ...base, result: { success: true } }));
    assert.notEqual(
      fingerprint,
      statementFingerprint({
        ...base,
        result: { extensions: { 'https://x/e': { b: 1, a: [1, 2] } } },
      }),
    );
  });
});
