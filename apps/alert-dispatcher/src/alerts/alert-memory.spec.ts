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

  it("finds a learner's keys over every course, and forgets them on a tombstone", () => {
    const state = new AlertMemoryState();
    const record = (courseId: string, learnerId = subject.learnerId) => {
      const of = { ...subject, courseId, learnerId };
      state.apply(
        alertMemoryKey(of),
        encodeAlertMemory({
          ...of,
          lastHandledAssessmentId: 'a-1',
          lastHandledAsOf: 10,
          lastDelivered: null,
        }),
      );
      return alertMemoryKey(of);
    };
    const keys = [record('c1'), record('c2')];
    record('c1', 'someone-else');
    assert.deepEqual(state.keysOf('uni', subject.learnerId).sort(), keys.sort());
    assert.deepEqual(state.keysOf('other-tenant', subject.learnerId), []);
    state.apply(keys[0] ?? '', null);
    assert.deepEqual(state.keysOf('uni', subject.learnerId), [keys[1]]);
  });
});
