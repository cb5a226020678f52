import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CohortAssessment } from './cohort-view.types';
import { learnerMetrics } from './learner-metrics';
import {
  COURSE_START,
  courseDay,
  enrolled,
  riskEvent,
  stateOf,
  submitted,
  views,
} from './risk.fixture';

function due(objectId: string, day: number): CohortAssessment {
  return {
    objectId,
    objectType: 'tma',
    dueAt: courseDay(day),
    dueSource: 'calendar',
    submitters: 0,
    medianScaled: null,
  };
}

const assessments = [due('tma-1', 14), due('tma-2', 25), due('tma-3', 40)];

// Days 0, 2, 4, 10 with 10 clicks and day 20 with 5; tma-1 on time (60%), tma-2 a day late (30%).
const history = [
  enrolled('a', -5),
  ...views('a', [0, 2, 4, 10], 10),
  ...views('a', [20], 5),
  submitted('a', 'tma-1', 13, 0.6),
  submitted('a', 'tma-2', 26, 0.3),
];

describe('learnerMetrics', () => {
  it('computes activity, rhythm, assessment and score figures as of day 30', () => {
    const metrics = learnerMetrics(stateOf('a', history), courseDay(30), assessments, COURSE_START);
    assert.equal(metrics.activeDays, 7); // 5 view days + 2 submission days (13, 26)
    assert.equal(metrics.inactiveDays, 4); // last active day 26
    assert.equal(metrics.dueAssessments, 2);
    assert.equal(metrics.missedAssessments, 0);
    assert.equal(metrics.lateAssessments, 1);
    assert.ok(Math.abs(metrics.meanScaled - 0.45) < 1e-12);
    assert.ok(Math.abs(metrics.scoreTrend - -0.3) < 1e-12);
    assert.equal(metrics.daysEnrolled, 35);
    assert.equal(metrics.unenrolled, false);
  });

  it('measures activity only (no submissions) the same way by hand', () => {
    const state = stateOf('b', [
      enrolled('b', -5),
      ...views('b', [0, 2, 4, 10], 10),
      ...views('b', [20], 5),
    ]);
    const metrics = learnerMetrics(state, courseDay(30), assessments, COURSE_START);
    assert.equal(metrics.activeDays, 5);
    assert.equal(metrics.inactiveDays, 10); // 30 - 20
    assert.equal(metrics.typicalGapDays, 4); // gaps 2, 2, 6, 10 → median 4
    assert.equal(metrics.totalActivity, 45);
    assert.equal(metrics.recentActivity, 5); // days 16..29
    assert.equal(metrics.historicalActivityPer14Days, 35); // 40 clicks over days 0..15 → 40/16×14
    assert.equal(metrics.missedAssessments, 2);
    assert.equal(metrics.meanScaled, -1);
    assert.equal(metrics.lastActivityAt, courseDay(20));
  });

  it('counts inactivity of a learner never active from enrolment or the course start, the later', () => {
    const state = stateOf('c', [enrolled('c', 3)]);
    assert.equal(learnerMetrics(state, courseDay(10), [], COURSE_START).inactiveDays, 7);
    const early = stateOf('d', [enrolled('d', -20)]);
    assert.equal(learnerMetrics(early, courseDay(10), [], COURSE_START).inactiveDays, 10);
  });

  it('reads nothing at or after asOf: later views, submissions and an unenrolment change no figure', () => {
    const asOf = courseDay(30);
    const before = learnerMetrics(stateOf('a', history), asOf, assessments, COURSE_START);
    const later = [
      ...views('a', [30, 31, 45], 50),
      submitted('a', 'tma-3', 30, 0.9),
      riskEvent({ learnerId: 'a', action: 'unenrolled', occurredAt: asOf }),
    ];
    const after = learnerMetrics(
      stateOf('a', [...history, ...later]),
      asOf,
      assessments,
      COURSE_START,
    );
    assert.deepEqual(after, before);
  });

  it('takes today’s activity into account from the next midnight on', () => {
    const state = stateOf('e', views('e', [5]));
    assert.equal(learnerMetrics(state, courseDay(5, 23), [], COURSE_START).activeDays, 0);
    assert.equal(learnerMetrics(state, courseDay(6), [], COURSE_START).activeDays, 1);
  });
});
