/**
 * The engine's bookkeeping (offsets, dedupe, ticks, publishing, snapshot and restore) with a
 * small stand-in scoring: the score is the days since the learner's last event as of asOf,
 * over 10, so every expectation below can be computed by hand. The real scoring is
 * @learnpulse/risk's, checked in test/ against the replay.
 */
import { type LearningEvent } from '@learnpulse/events';
import { applyEvent, type CohortView, createLearnerState, DAY_MS } from '@learnpulse/risk';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeSnapshot, encodeSnapshot } from './learner-snapshot';
import { PartitionEngine } from './partition-engine';
import { type RiskScoring } from './risk-scoring';

const cohortCalls: { courseId: string; asOf: number; size: number }[] = [];

const daysScoring: RiskScoring = {
  createState: createLearnerState,
  applyEvent,
  buildCohort: (courseId, states, asOf) => {
    const size = [...states].length;
    cohortCalls.push({ courseId, asOf, size });
    return { courseId, asOf, size } as unknown as CohortView;
  },
  assess: (state, asOf) => {
    const days = state.lastEventAt === null ? 10 : Math.floor((asOf - state.lastEventAt) / DAY_MS);
    const score = Math.min(1, days / 10);
    return {
      tenant: state.tenant,
      learnerId: state.learnerId,
      courseId: state.courseId,
      score,
      level: score >= 0.7 ? 'high' : score >= 0.3 ? 'medium' : 'low',
      reasons: [],
      modelVersion: 'days-test',
      asOf,
      lastActivityAt: state.lastEventAt,
      features: { days },
    };
  },
  isMaterialChange: (previous, next, minMove) =>
    previous === null ||
    previous.level !== next.level ||
    Math.abs(previous.score - next.score) >= minMove,
};

const DAY0 = Date.UTC(2026, 0, 5);

function event(
  learnerId: string,
  at: number,
  overrides: Partial<LearningEvent> = {},
): LearningEvent {
  return {
    eventId: randomUUID(),
    tenant: 'uni',
    source: 'xapi',
    learnerId,
    learnerAnonymous: false,
    courseId: 'bio',
    objectId: 'page-1',
    objectType: 'page',
    action: 'viewed',
    score: null,
    occurredAt: at,
    receivedAt: at,
    payload: '{}',
    ...overrides,
  };
}

const engine = (): PartitionEngine =>
  new PartitionEngine(daysScoring, {
    partition: 0,
    group: 'g',
    minScoreMove: 0.05,
    seenIdsPerLearner: 4,
    seenIdsWindowMs: DAY_MS,
  });

describe('PartitionEngine', () => {
  it('publishes a learner first assessment as of the event, then only material changes', () => {
    const e = engine();
    const first = e.handle(event('a', DAY0 + 3_600_000), 0);
    assert.equal(first.outcome, 'applied');
    assert.deepEqual(
      first.assessments.map((a) => [a.learnerId, a.asOf, a.score, a.previousLevel]),
      [['a', DAY0 + 3_600_001, 0, null]],
    );
    // Same day, same score: nothing new to say.
    assert.deepEqual(e.handle(event('a', DAY0 + 7_200_000), 1).assessments, []);
  });

  it('ticks a course at the midnight an event crosses, reassessing every learner of it', () => {
    const e = engine();
    e.handle(event('a', DAY0 + 1000), 0);
    e.handle(event('b', DAY0 + 2000), 1);
    // Four days later learner b acts again: the course ticks at that day's midnight first.
    const later = e.handle(event('b', DAY0 + 4 * DAY_MS + 5000), 2);
    const tick = later.assessments.filter((a) => a.asOf === DAY0 + 4 * DAY_MS);
    assert.deepEqual(tick.map((a) => [a.learnerId, a.score, a.level, a.previousLevel]).sort(), [
      ['a', 0.3, 'medium', 'low'],
      ['b', 0.3, 'medium', 'low'],
    ]);
    // Then b's own event brings b back to 0, a level change published as of the event.
    const own = later.assessments.filter((a) => a.asOf === DAY0 + 4 * DAY_MS + 5001);
    assert.deepEqual(
      own.map((a) => [a.learnerId, a.score, a.level, a.previousLevel]),
      [['b', 0, 'low', 'medium']],
    );
    assert.deepEqual(cohortCalls.at(-1), { courseId: 'bio', asOf: DAY0 + 4 * DAY_MS, size: 2 });
  });

  it('forgets an erased learner: no snapshot, no reassessment at the next tick, not in the cohort', () => {
    const e = engine();
    e.handle(event('a', DAY0 + 1000), 0);
    e.handle(event('b', DAY0 + 2000), 1);
    assert.equal(e.forget('uni:a'), true);
    assert.equal(e.forget('uni:a'), false);
    assert.equal(e.learnerCount, 1);
    assert.deepEqual(
      e.takeDirty().map((snapshot) => snapshot.learnerId),
      ['b'],
    );
    const ticked = e.tickUntil(DAY0 + 4 * DAY_MS + 10);
    assert.deepEqual(
      ticked.map((a) => a.learnerId),
      ['b'],
    );
    assert.deepEqual(cohortCalls.at(-1), { courseId: 'bio', asOf: DAY0 + 4 * DAY_MS, size: 1 });
    assert.deepEqual(
      e.takeDirty().map((snapshot) => snapshot.learnerId),
      ['b'],
    );
  });

  it('drops a re-sent event id and a record already reflected in the state', () => {
    const e = engine();
    const original = event('a', DAY0 + 1000);
    e.handle(original, 5);
    assert.equal(e.handle({ ...original }, 6).outcome, 'duplicate');
    assert.equal(e.handle(event('a', DAY0 + 2000), 3).outcome, 'already-in-state');
  });

  it('restored from its snapshots, goes on exactly as the engine that never stopped', () => {
    const events = ['a', 'b', 'c', 'a', 'b', 'a'].map((learner, i) =>
      event(learner, DAY0 + i * 1.5 * DAY_MS),
    );
    const live = engine();
    events.slice(0, 4).forEach((ev, i) => live.handle(ev, i));
    const restored = engine();
    for (const snapshot of live.takeDirty())
      restored.restore(decodeSnapshot(encodeSnapshot(snapshot)));
    const view = (a: {
      learnerId: string;
      asOf: number;
      score: number;
      level: string;
    }): unknown[] => [a.learnerId, a.asOf, a.score, a.level];
    const expected = events.slice(4).flatMap((ev, i) => live.handle(ev, i + 4).assessments);
    // Re-read from an older committed offset (2): offsets 2 and 3 are in the snapshots already.
    const results = events.slice(2).map((ev, i) => restored.handle(ev, i + 2));
    assert.deepEqual(
      results.slice(0, 2).map((r) => r.outcome),
      ['already-in-state', 'already-in-state'],
    );
    const got = results.flatMap((r) => r.assessments);
    assert.ok(expected.length > 0);
    assert.deepEqual(got.map(view), expected.map(view));
    assert.deepEqual(
      got.map((a) => a.assessmentId),
      expected.map((a) => a.assessmentId),
    );
  });

  it('moves every course to the wall clock day on tickUntil', () => {
    const e = engine();
    e.handle(event('a', DAY0 + 1000), 0);
    e.takeDirty();
    const out = e.tickUntil(DAY0 + 8 * DAY_MS + 123);
    assert.deepEqual(
      out.map((a) => [a.learnerId, a.asOf, a.level]),
      [['a', DAY0 + 8 * DAY_MS, 'high']],
    );
    assert.deepEqual(e.tickUntil(DAY0 + 8 * DAY_MS + 999), []);
    assert.equal(e.takeDirty().length, 1, 'the published level is snapshotted');
  });
});
