import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCohort } from './cohort-view';
import { cohortMedian, percentileRank, quantilesOf } from './cohort-quantiles';
import {
  COURSE,
  COURSE_START,
  courseDay,
  enrolled,
  riskEvent,
  stateOf,
  submitted,
  views,
} from './risk.fixture';
import { DAY_MS } from './risk-time';

describe('cohort quantiles', () => {
  it('interpolates percentiles and ranks a value with ties counted half', () => {
    const quantiles = quantilesOf([0, 10]);
    assert.equal(quantiles.length, 101);
    assert.equal(quantiles[50], 5);
    assert.equal(cohortMedian(quantiles), 5);
    assert.equal(percentileRank(quantiles, 5), 50.5 / 101);
    assert.equal(percentileRank(quantilesOf([]), 3), 1);
  });
});

describe('buildCohort', () => {
  const learners = ['a', 'b', 'c', 'd'].map((learner, index) =>
    stateOf(learner, [enrolled(learner, -3), ...views(learner, [0, index + 1], 2)]),
  );

  it('summarises the enrolled learners of the course and leaves out those who left', () => {
    const gone = stateOf('e', [
      enrolled('e', -3),
      riskEvent({ learnerId: 'e', action: 'unenrolled', occurredAt: courseDay(2) }),
    ]);
    const cohort = buildCohort(COURSE, [...learners, gone], courseDay(10));
    assert.equal(cohort.size, 4);
    // Last active days 1, 2, 3, 4 → inactive 9, 8, 7, 6 days as of day 10.
    assert.equal(cohortMedian(cohort.quantiles.inactiveDays), 7.5);
    assert.equal(cohort.quantiles.totalActivity[100], 4);
  });

  it('infers a due date from the cohort: the 80th percentile of first attempts, up to the next midnight', () => {
    const days = [3, 4, 4, 5, 9];
    const states = days.map((day, index) =>
      stateOf(`s${index}`, [
        enrolled(`s${index}`, -1),
        submitted(`s${index}`, 'quiz-1', day, 0.5 + index / 10),
      ]),
    );
    const cohort = buildCohort(COURSE, states, courseDay(12));
    const [quiz] = cohort.assessments;
    // Sorted first attempts at days 3, 4, 4, 5, 9 (12:00); index floor(0.8 × 5) = 4 → day 9 → due day 10 00:00.
    assert.equal(quiz?.dueAt, courseDay(10));
    assert.equal(quiz.dueSource, 'inferred');
    assert.equal(quiz.submitters, 5);
    assert.equal(quiz.medianScaled, 0.7);
  });

  it('infers no due date while fewer than a quarter of the cohort submitted', () => {
    const states = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].map(
      (learner) => stateOf(learner, [enrolled(learner, -1)]),
    );
    for (const state of states.slice(0, 3)) {
      const event = submitted(state.learnerId, 'quiz-1', 2, 0.5);
      stateOf(state.learnerId, [event]).assessments.forEach((record) =>
        state.assessments.push(record),
      );
    }
    const [quiz] = buildCohort(COURSE, states, courseDay(5)).assessments;
    assert.equal(quiz?.dueAt, null);
  });

  it('takes due dates from a calendar when one is given', () => {
    const cohort = buildCohort(COURSE, learners, courseDay(10), {
      courseId: COURSE,
      startAt: COURSE_START,
      lengthDays: 100,
      assessments: [
        { objectId: 'tma-1', objectType: 'tma', dueAt: COURSE_START + 19 * DAY_MS, weight: 10 },
      ],
    });
    assert.deepEqual(
      cohort.assessments.map((item) => [item.objectId, item.dueAt, item.dueSource]),
      [['tma-1', courseDay(19), 'calendar']],
    );
    assert.equal(cohort.courseStartAt, COURSE_START);
  });
});
