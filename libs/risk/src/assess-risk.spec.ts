import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { riskAssessmentCodec } from '@learnpulse/events';
import { assessRisk, isMaterialChange, modelPhase, toRiskAssessment } from './assess-risk';
import { buildCohort } from './cohort-view';
import { type CourseCalendar } from './course-calendar.types';
import { applyEvent } from './learner-state';
import { type LearnerCourseState } from './learner-state.types';
import { currentRiskModel, parseRiskModel } from './model/current-model';
import { MODEL_PHASES, type RiskModel } from './model/risk-model.types';
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

const calendar: CourseCalendar = {
  courseId: COURSE,
  startAt: COURSE_START,
  lengthDays: 200,
  assessments: [
    { objectId: 'tma-1', objectType: 'tma', dueAt: courseDay(19), weight: 10 },
    { objectId: 'tma-2', objectType: 'tma', dueAt: courseDay(54), weight: 20 },
  ],
};

/** Ten learners: steady ones, a fading one, one who never starts, one who misses tma-1. */
function course(): LearnerCourseState[] {
  const states: LearnerCourseState[] = [];
  for (let index = 0; index < 7; index += 1) {
    const id = `steady-${index}`;
    const days = Array.from({ length: 15 }, (_, day) => day * 2);
    states.push(
      stateOf(id, [
        enrolled(id, -10),
        ...views(id, days, 5 + index),
        submitted(id, 'tma-1', 18, 0.7),
      ]),
    );
  }
  states.push(
    stateOf('fading', [
      enrolled('fading', -10),
      ...views('fading', [0, 1, 2, 3, 4, 5], 20),
      submitted('fading', 'tma-1', 19, 0.35),
    ]),
  );
  states.push(stateOf('never', [enrolled('never', -3)]));
  states.push(
    stateOf('misses', [enrolled('misses', -10), ...views('misses', [0, 4, 8, 12, 16, 20, 24], 3)]),
  );
  return states;
}

function laterEvents(learnerId: string) {
  return [
    ...views(learnerId, [30, 31, 40], 99),
    submitted(learnerId, 'tma-2', 30, 0.1),
    riskEvent({ learnerId, action: 'unenrolled', occurredAt: courseDay(33) }),
  ];
}

const oneFeatureModel: RiskModel = {
  version: 'spec-1',
  kind: 'logistic-regression',
  segments: MODEL_PHASES.map((phase) => ({
    phase,
    features: ['inactivity.logDays'],
    center: [0],
    scale: [1],
    weights: [1],
    intercept: -2,
  })),
  cutoffs: { medium: 0.5, high: 0.8 },
  provenance: {},
};

describe('assessRisk', () => {
  const asOf = courseDay(30);

  it('changes no score, level or reason when events after the cutoff are added', () => {
    const before = course();
    const cohortBefore = buildCohort(COURSE, before, asOf, calendar);
    const expected = before.map((state) => assessRisk(state, asOf, cohortBefore));
    const after = course();
    for (const state of after)
      for (const event of laterEvents(state.learnerId)) applyEvent(state, event);
    const cohortAfter = buildCohort(COURSE, after, asOf, calendar);
    assert.deepEqual(cohortAfter, cohortBefore);
    assert.deepEqual(
      after.map((state) => assessRisk(state, asOf, cohortAfter)),
      expected,
    );
    // The later events do count once the clock passes them.
    const later = courseDay(45);
    const moved = assessRisk(
      after[0] as LearnerCourseState,
      later,
      buildCohort(COURSE, after, later, calendar),
    );
    assert.equal(moved.score, 1);
  });

  it('ranks the fading, never-started and missing learners above the steady ones', () => {
    const states = course();
    const cohort = buildCohort(COURSE, states, asOf, calendar);
    const scores = new Map(
      states.map((state) => [state.learnerId, assessRisk(state, asOf, cohort)]),
    );
    const steady = Math.max(
      ...[...scores].filter(([id]) => id.startsWith('steady')).map(([, risk]) => risk.score),
    );
    for (const id of ['fading', 'never', 'misses'])
      assert.ok((scores.get(id)?.score ?? 0) > steady, id);
    const misses = scores.get('misses');
    assert.ok(
      misses?.reasons.some(
        (reason) => reason.text === '1 of 1 assessments due so far not submitted',
      ),
    );
    assert.equal(misses?.modelVersion, currentRiskModel().version);
  });

  it('scores by the model’s weights and bands the score by its cut-offs (computed by hand)', () => {
    const states = course();
    const cohort = buildCohort(COURSE, states, asOf, calendar);
    const fading = states.find((state) => state.learnerId === 'fading') as LearnerCourseState;
    // Last active day 19 (the submission) → 11 days inactive as of day 30; logit = ln(12) − 2.
    const risk = assessRisk(fading, asOf, cohort, { model: oneFeatureModel });
    assert.ok(Math.abs(risk.score - 1 / (1 + Math.exp(-(Math.log(12) - 2)))) < 1e-12);
    assert.equal(risk.level, 'medium');
    assert.equal(risk.reasons.length, 1);
    assert.equal(risk.reasons[0]?.detector, 'inactivity');
    assert.equal(risk.reasons[0].weight, Math.round(Math.log(12) * 1000) / 1000);
    assert.match(risk.reasons[0].text, /^no activity for 11 days; cohort median 2/);
  });

  it('gives an unenrolled learner score 1 with the withdrawal reason first', () => {
    const states = course();
    const steady = states[0] as LearnerCourseState;
    applyEvent(
      steady,
      riskEvent({ learnerId: steady.learnerId, action: 'unenrolled', occurredAt: courseDay(25) }),
    );
    const risk = assessRisk(steady, asOf, buildCohort(COURSE, states, asOf, calendar));
    assert.equal(risk.score, 1);
    assert.equal(risk.level, 'high');
    assert.equal(risk.reasons[0]?.text, 'unenrolled from the course');
  });

  it('switches to the after-first-due weights once an assessment is due', () => {
    const states = course();
    assert.equal(
      modelPhase(buildCohort(COURSE, states, courseDay(19), calendar), courseDay(19)),
      'before-first-due',
    );
    assert.equal(
      modelPhase(buildCohort(COURSE, states, courseDay(20), calendar), courseDay(20)),
      'after-first-due',
    );
  });
});

describe('toRiskAssessment', () => {
  it('makes a learner.risk.v1 value the codec accepts, with a stable id', () => {
    const states = course();
    const asOf = courseDay(30);
    const risk = assessRisk(
      states[8] as LearnerCourseState,
      asOf,
      buildCohort(COURSE, states, asOf, calendar),
    );
    const value = toRiskAssessment(risk, 'low');
    assert.deepEqual(riskAssessmentCodec.decode(riskAssessmentCodec.encode(value)), value);
    assert.equal(toRiskAssessment(risk, null).assessmentId, value.assessmentId);
    assert.notEqual(
      toRiskAssessment({ ...risk, asOf: asOf + 1 }, null).assessmentId,
      value.assessmentId,
    );
  });
});

describe('isMaterialChange', () => {
  it('publishes the first assessment, a change of level and a move of at least the threshold', () => {
    assert.equal(isMaterialChange(null, { score: 0.1, level: 'low' }), true);
    assert.equal(
      isMaterialChange({ score: 0.1, level: 'low' }, { score: 0.14, level: 'low' }),
      false,
    );
    assert.equal(
      isMaterialChange({ score: 0.1, level: 'low' }, { score: 0.15, level: 'low' }),
      true,
    );
    assert.equal(
      isMaterialChange({ score: 0.44, level: 'low' }, { score: 0.45, level: 'medium' }),
      true,
    );
  });
});

describe('the shipped model', () => {
  it('has a version, a segment per phase and ordered cut-offs', () => {
    const model = currentRiskModel();
    assert.match(model.version, /^oulad-logreg-\d+$/);
    assert.deepEqual(
      model.segments.map((segment) => segment.phase).sort(),
      [...MODEL_PHASES].sort(),
    );
    assert.ok(model.cutoffs.medium < model.cutoffs.high);
  });

  it('refuses a model with a feature no detector computes', () => {
    const broken = structuredClone(oneFeatureModel);
    (broken.segments[0] as { features: string[] }).features = ['inactivity.unknown'];
    assert.throws(() => parseRiskModel(broken), /every feature must be one a detector computes/);
  });
});
