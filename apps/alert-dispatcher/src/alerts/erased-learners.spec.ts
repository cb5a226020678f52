import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErasedLearners } from './erased-learners';

describe('ErasedLearners', () => {
  it('knows an erased learner within its tenant only', () => {
    const erased = new ErasedLearners();
    erased.add('uni-a', 'p-1');
    assert.equal(erased.has('uni-a', 'p-1'), true);
    assert.equal(erased.has('uni-b', 'p-1'), false);
    assert.equal(erased.has('uni-a', 'p-2'), false);
  });
});
