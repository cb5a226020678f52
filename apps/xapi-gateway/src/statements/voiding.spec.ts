import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isVoidingStatement, VOIDED_VERB, voidedTargetId } from './voiding';

describe('voidedTargetId', () => {
  it('is the lower-case StatementRef id of a voiding statement', () => {
    const voiding = {
      verb: { id: VOIDED_VERB },
      object: { objectType: 'StatementRef', id: 'ABC' },
    };
    assert.equal(voidedTargetId(voiding), 'abc');
    assert.equal(isVoidingStatement(voiding), true);
  });

  it('is null for other verbs or objects', () => {
    assert.equal(
      voidedTargetId({ verb: { id: 'x' }, object: { objectType: 'StatementRef', id: 'a' } }),
      null,
    );
    assert.equal(voidedTargetId({ verb: { id: VOIDED_VERB }, object: { id: 'https://x' } }), null);
    assert.equal(voidedTargetId(null), null);
  });
});
