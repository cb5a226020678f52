import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertMemoryKey, AlertMemoryState, encodeAlertMemory } from './alert-memory';

const subject = {
  subscriptionId: 'wh_0123456789abcdef',
  tenant: 'uni',
  learnerId: 'a:b',
  courseId: 'c',
};

describe('alert memory', () => {
  it('keys are injective in learner and course', () => {
    assert.notEqual(
      alertMemoryKey(subject),
      alertMemoryKey({ ...subject, learnerId: 'a', courseId: 'b:c' }),
    );
    assert.equal(alertMemoryKey(subject), alertMemoryKey({ ...subject }));
  });

  it('applies records and tombstones, and refuses a record under another key', () => {
    const state = new AlertMemoryState();
    const value = encodeAlertMemory({
      ...subject,
      lastHandledAssessmentId: 'a-1',
      lastHandledAsOf: 10,
      lastDelivered: { assessmentId: 'a-1', level: 'high', asOf: 10 },
    });
    state.apply(alertMemoryKey(subject), value);
    assert.equal(state.get(subject)?.lastDelivered?.level, 'high');
    assert.throws(() => {
      state.apply('wh_other:uni:x', value);
    });
    state.apply(alertMemoryKey(subject), null);
    assert.equal(state.get(subject), undefined);
  });
});
