import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantilesOf } from '../cohort-quantiles';
import { type CohortView } from '../cohort-view.types';
import {
  LEARNER_METRIC_NAMES,
  type LearnerMetricName,
  type LearnerMetrics,
} from '../learner-metrics.types';
import { createLearnerState } from '../learner-state';
import { COURSE, TENANT, courseDay } from '../risk.fixture';
import { engagementDropDetector } from './engagement-drop.detector';
import { inactivityDetector } from './inactivity.detector';
import { lateAssessmentDetector } from './late-assessment.detector';
import { lowEngagementDetector } from './low-engagement.detector';
import { lowScoresDetector } from './low-scores.detector';
import { missedAssessmentDetector } from './missed-assessment.detector';
import { type DetectorContext, type RiskDetector } from './risk-detector.types';
import { withdrawalDetector } from './withdrawal.detector';
import { FEATURE_NAMES, RISK_DETECTORS } from '.';

function metricsOf(overrides: Partial<LearnerMetrics>): LearnerMetrics {
  const zeros = Object.fromEntries(LEARNER_METRIC_NAMES.map((name) => [name, 0])) as Record<
    LearnerMetricName,
    number
  >;
  return { ...zeros, meanScaled: -1, unenrolled: false, lastActivityAt: null, ...overrides };
}

function cohortOf(values: Partial<Record<LearnerMetricName, number[]>>): CohortView {
  const quantiles = Object.fromEntries(
    LEARNER_METRIC_NAMES.map((name) => [name, quantilesOf(values[name] ?? [])]),
  ) as CohortView['quantiles'];
  return {
    courseId: COURSE,
    asOf: courseDay(30),
    size: 5,
    courseStartAt: null,
    quantiles,
    assessments: [],
  };
}

function run(detector: RiskDetector, metrics: Partial<LearnerMetrics>, cohort: CohortView) {
  const ctx: DetectorContext = {
    state: createLearnerState({ tenant: TENANT, learnerId: 'a', courseId: COURSE }),
    asOf: courseDay(30),
    metrics: metricsOf(metrics),
    cohort,
  };
  const features = detector.features(ctx);
  assert.deepEqual(Object.keys(features), [...detector.featureNames]);
  return { features, reason: detector.explain(ctx, features) };
}

describe('inactivity detector', () => {
  const cohort = cohortOf({ inactiveDays: [1, 2, 2, 3, 5] });

  it('compares days inactive with the learner’s rhythm and the cohort median', () => {
    const { features, reason } = run(
      inactivityDetector,
      { inactiveDays: 9, typicalGapDays: 4, activeDays: 5 },
      cohort,
    );
    assert.equal(features['inactivity.logDays'], Math.log(10));
    assert.equal(features['inactivity.vsRhythm'], Math.log1p(9 / 4));
    assert.equal(features['inactivity.cohortRank'], 1);
    assert.deepEqual(reason, {
      text: 'no activity for 9 days; cohort median 2; usually active every 4 days',
      evidence: { daysInactive: 9, cohortMedianDays: 2, usualGapDays: 4 },
    });
  });

  it('says nothing about a gap no longer than the cohort median', () => {
    assert.equal(run(inactivityDetector, { inactiveDays: 2, activeDays: 5 }, cohort).reason, null);
  });
});

describe('engagement-drop detector', () => {
  it('reports recent activity far below the learner’s usual rate and the cohort', () => {
    const cohort = cohortOf({ recentActivity: [50, 60, 70] });
    const { features, reason } = run(
      engagementDropDetector,
      { recentActivity: 20, historicalActivityPer14Days: 100 },
      cohort,
    );
    assert.equal(features['engagement-drop.logRatio'], Math.log(21 / 101));
    assert.equal(features['engagement-drop.recentRank'], 0);
    assert.equal(
      reason?.text,
      'activity in the last 14 days 20, down 80% on the usual 100; cohort median 60',
    );
    assert.deepEqual(reason.evidence, {
      recentActivity: 20,
      usualActivity: 100,
      cohortMedianRecentActivity: 60,
      cohortPercentile: 0,
    });
  });

  it('says nothing when the recent window holds at least half the usual', () => {
    const cohort = cohortOf({ recentActivity: [50, 60, 70] });
    assert.equal(
      run(engagementDropDetector, { recentActivity: 55, historicalActivityPer14Days: 100 }, cohort)
        .reason,
      null,
    );
  });
});

describe('low-engagement detector', () => {
  it('compares activity so far with the cohort', () => {
    const cohort = cohortOf({ totalActivity: [100, 200, 300, 400], activeDays: [5, 6, 7, 8] });
    const { features, reason } = run(
      lowEngagementDetector,
      { totalActivity: 30, activeDays: 3 },
      cohort,
    );
    assert.equal(features['low-engagement.logActivity'], Math.log(31));
    assert.equal(features['low-engagement.activityRank'], 0);
    assert.equal(reason?.text, 'activity so far 30 on 3 days; cohort median 250 on 6.5 days');
  });
});

describe('assessment detectors', () => {
  const cohort = cohortOf({});

  it('counts missed assessments among those due', () => {
    const { features, reason } = run(
      missedAssessmentDetector,
      { dueAssessments: 3, missedAssessments: 2 },
      cohort,
    );
    assert.deepEqual(features, { 'missed-assessment.count': 2, 'missed-assessment.share': 2 / 3 });
    assert.equal(reason?.text, '2 of 3 assessments due so far not submitted');
  });

  it('counts late submissions among those submitted', () => {
    const metrics = { dueAssessments: 3, missedAssessments: 1, lateAssessments: 1 };
    const { features, reason } = run(lateAssessmentDetector, metrics, cohort);
    assert.deepEqual(features, { 'late-assessment.count': 1, 'late-assessment.share': 0.5 });
    assert.equal(reason?.text, '1 of 2 assessments submitted after the due date');
  });

  it('gives no reason when nothing was due', () => {
    assert.equal(run(missedAssessmentDetector, {}, cohort).reason, null);
    assert.equal(run(lateAssessmentDetector, {}, cohort).reason, null);
  });
});

describe('low-scores detector', () => {
  const cohort = cohortOf({ meanScaled: [0.6, 0.7, 0.8] });

  it('reports a low and falling mean score against the cohort median', () => {
    const { features, reason } = run(
      lowScoresDetector,
      { meanScaled: 0.42, scoreTrend: -0.2 },
      cohort,
    );
    assert.equal(features['low-scores.hasScore'], 1);
    assert.ok(Math.abs((features['low-scores.deficit'] ?? 0) - 0.28) < 1e-12);
    assert.equal(features['low-scores.rank'], 0);
    assert.equal(
      reason?.text,
      'mean score 42% (cohort median 70%); latest score 20 points below the earlier mean',
    );
  });

  it('has nothing to say without a score, and neutral features', () => {
    const { features, reason } = run(lowScoresDetector, {}, cohort);
    assert.deepEqual(features, {
      'low-scores.hasScore': 0,
      'low-scores.deficit': 0,
      'low-scores.rank': 0.5,
      'low-scores.trend': 0,
    });
    assert.equal(reason, null);
  });
});

describe('withdrawal detector', () => {
  const cohort = cohortOf({ inactiveDays: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });

  it('reports an unenrolment first', () => {
    const { features, reason } = run(
      withdrawalDetector,
      { unenrolled: true, activeDays: 4 },
      cohort,
    );
    assert.equal(features['withdrawal.unenrolled'], 1);
    assert.equal(reason?.text, 'unenrolled from the course');
  });

  it('reports activity that stopped for longer than 14 days, 3 usual gaps and the cohort’s 90th percentile', () => {
    const metrics = { activeDays: 10, inactiveDays: 30, typicalGapDays: 2 };
    const { features, reason } = run(withdrawalDetector, metrics, cohort);
    assert.equal(features['withdrawal.stopped'], 1);
    assert.deepEqual(reason?.evidence, { daysInactive: 30, activeDays: 10, stopThresholdDays: 14 });
    const shorter = run(withdrawalDetector, { ...metrics, inactiveDays: 13 }, cohort);
    assert.equal(shorter.features['withdrawal.stopped'], 0);
  });

  it('reports a learner enrolled for days and never active', () => {
    const { features, reason } = run(withdrawalDetector, { daysEnrolled: 12 }, cohort);
    assert.equal(features['withdrawal.neverActive'], 1);
    assert.equal(reason?.text, 'enrolled 12 days ago and never active');
  });
});

describe('detector registry', () => {
  it('names every feature after its detector, once', () => {
    assert.equal(new Set(FEATURE_NAMES).size, FEATURE_NAMES.length);
    for (const detector of RISK_DETECTORS) {
      for (const name of detector.featureNames) assert.ok(name.startsWith(`${detector.id}.`), name);
    }
  });
});
