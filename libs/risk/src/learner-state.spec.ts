import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyEvent,
  createLearnerState,
  learnerCourseKeyOf,
  learnerStateKey,
  parseLearnerState,
  serializeLearnerState,
} from './learner-state';
import {
  COURSE,
  TENANT,
  courseDay,
  enrolled,
  riskEvent,
  stateOf,
  submitted,
  views,
} from './risk.fixture';
import { dayIndex } from './risk-time';

describe('applyEvent', () => {
  it('adds a view to its day with the click count of the payload, or 1 without one', () => {
    const state = stateOf('a', [
      ...views('a', [3], 5),
      riskEvent({ learnerId: 'a', occurredAt: courseDay(3, 20) }),
    ]);
    assert.deepEqual(state.activity, { [String(dayIndex(courseDay(3)))]: 6 });
    assert.equal(state.lastEventAt, courseDay(3, 20));
  });

  it('drops an exact re-send by its event id', () => {
    const state = createLearnerState({ tenant: TENANT, learnerId: 'a', courseId: COURSE });
    const [view] = views('a', [1], 4);
    assert.ok(view);
    assert.equal(applyEvent(state, view), 'applied');
    assert.equal(applyEvent(state, view), 'duplicate');
    assert.equal(state.activity[String(dayIndex(courseDay(1)))], 4);
  });

  it('ignores events of another learner, another course, no course or an anonymous learner', () => {
    const state = createLearnerState({ tenant: TENANT, learnerId: 'a', courseId: COURSE });
    assert.equal(applyEvent(state, riskEvent({ learnerId: 'b' })), 'ignored');
    assert.equal(applyEvent(state, riskEvent({ learnerId: 'a', courseId: 'chem-1' })), 'ignored');
    assert.equal(applyEvent(state, riskEvent({ learnerId: 'a', courseId: null })), 'ignored');
    assert.equal(
      applyEvent(state, riskEvent({ learnerId: 'a', learnerAnonymous: true })),
      'ignored',
    );
    assert.deepEqual(state.activity, {});
  });

  it('keeps attempts per assessment in time order with their scaled score, and enrolment changes', () => {
    const state = stateOf('a', [
      submitted('a', 'tma-1', 20, 0.5),
      enrolled('a', -10),
      submitted('a', 'tma-1', 18, null),
      riskEvent({ learnerId: 'a', action: 'unenrolled', occurredAt: courseDay(30) }),
    ]);
    assert.deepEqual(state.assessments, [
      {
        objectId: 'tma-1',
        objectType: 'tma',
        attempts: [
          { at: courseDay(18, 12), scaled: null },
          { at: courseDay(20, 12), scaled: 0.5 },
        ],
      },
    ]);
    assert.deepEqual(state.enrolment, [
      { at: courseDay(-10), action: 'enrolled' },
      { at: courseDay(30), action: 'unenrolled' },
    ]);
  });

  it('scales a raw score by min and max when the event gives no scaled score', () => {
    const state = stateOf('a', [
      riskEvent({
        learnerId: 'a',
        action: 'scored',
        score: { raw: 30, min: 10, max: 50, scaled: null },
      }),
    ]);
    assert.equal(state.assessments[0]?.attempts[0]?.scaled, 0.5);
  });
});

describe('learner state keys and snapshots', () => {
  it('keys a state by tenant, learner and course, escaping the separator', () => {
    assert.equal(learnerStateKey({ tenant: 't', learnerId: 'a:b', courseId: 'c' }), 't:a%3Ab:c');
    assert.deepEqual(learnerCourseKeyOf(riskEvent({ learnerId: 'x' })), {
      tenant: TENANT,
      learnerId: 'x',
      courseId: COURSE,
    });
  });

  it('restores a snapshot to an equal state', () => {
    const state = stateOf('a', [...views('a', [1, 2], 3), submitted('a', 'tma-1', 5, 0.8)]);
    assert.deepEqual(parseLearnerState(serializeLearnerState(state)), state);
  });

  it('refuses a snapshot naming the field and the rule', () => {
    const state = stateOf('a', views('a', [1]));
    const broken = {
      ...state,
      assessments: [{ objectId: 'x', objectType: 'y', attempts: [{ at: 1, scaled: 2 }] }],
    };
    assert.throws(
      () => parseLearnerState(JSON.stringify(broken)),
      /assessments\.0\.attempts\.0\.scaled/,
    );
    assert.throws(() => parseLearnerState(JSON.stringify({ ...state, version: 2 })), /version/);
    assert.throws(() => parseLearnerState('{'), /must be JSON/);
  });
});

describe('activity horizon', () => {
  it('drops days more than 400 days before the newest active day', () => {
    const state = stateOf('a', views('a', [0, 300, 401]));
    const days = Object.keys(state.activity).map((key) => Number(key) - dayIndex(courseDay(0)));
    assert.deepEqual(
      days.sort((x, y) => x - y),
      [300, 401],
    );
  });
});
