/**
 * Synthetic LearningEvents for the risk-engine benchmark: one tenant, learners spread over a
 * few hundred courses, a mix of actions, event times coherent with the engine's event-time
 * clock (history on earlier UTC days, live events at the wall clock).
 */
import { deriveEventId, type LearningEvent, learningEventCodec } from '@learnpulse/events';

export const BENCH_TENANT = 'bench';
export const DAY_MS = 86_400_000;
const NAMESPACE = '5f0d1c3e-9a4b-4c2d-8e7f-6a5b4c3d2e1f';

export const courseOf = (index: number, courses: number): string =>
  `https://lms.bench.example/course/C${index % courses}`;

export const learnerOf = (index: number): string => `learner-${index}`;

/** The record key of learning.events.v1 and learner.risk.v1. */
export const keyOf = (learnerId: string): string => `${BENCH_TENANT}:${learnerId}`;

/** Live actions and their weights (a click stream with some attempts and scores). */
const LIVE_ACTIONS: readonly [LearningEvent['action'], number][] = [
  ['viewed', 45],
  ['played_video', 15],
  ['paused_video', 5],
  ['navigated', 10],
  ['posted', 5],
  ['attempted', 8],
  ['submitted', 6],
  ['scored', 6],
];
const TOTAL_WEIGHT = LIVE_ACTIONS.reduce((sum, [, weight]) => sum + weight, 0);

function actionFor(draw: number): LearningEvent['action'] {
  let left = draw * TOTAL_WEIGHT;
  for (const [action, weight] of LIVE_ACTIONS) {
    left -= weight;
    if (left < 0) return action;
  }
  return 'viewed';
}

export interface EventSpec {
  learnerId: string;
  courseId: string;
  action: LearningEvent['action'];
  occurredAt: number;
  /** Distinguishes events of the same learner, action and time. */
  seq: number;
}

export function learningEvent(spec: EventSpec): LearningEvent {
  const quiz =
    spec.action === 'attempted' || spec.action === 'submitted' || spec.action === 'scored';
  const objectId = quiz
    ? `${spec.courseId}/quiz-${spec.seq % 4}`
    : spec.action === 'enrolled' || spec.action === 'unenrolled'
      ? spec.courseId
      : `${spec.courseId}/page-${spec.seq % 40}`;
  const scaled = spec.action === 'scored' ? ((spec.seq * 37) % 100) / 100 : null;
  return {
    eventId: deriveEventId(NAMESPACE, [
      BENCH_TENANT,
      spec.learnerId,
      String(spec.occurredAt),
      spec.action,
      String(spec.seq),
    ]),
    tenant: BENCH_TENANT,
    source: 'xapi',
    learnerId: spec.learnerId,
    learnerAnonymous: false,
    courseId: spec.courseId,
    objectId,
    objectType: quiz ? 'http://adlnet.gov/expapi/activities/assessment' : 'page',
    action: spec.action,
    score: scaled === null ? null : { raw: null, min: null, max: null, scaled },
    occurredAt: spec.occurredAt,
    receivedAt: spec.occurredAt,
    payload: '{}',
  };
}

export interface EncodedEvent {
  key: string;
  value: Buffer;
}

export const encodeEvent = (event: LearningEvent): EncodedEvent => ({
  key: keyOf(event.learnerId),
  value: learningEventCodec.encode(event),
});

/**
 * The history of `learners` learners (learner i in course i mod `courses`), one pass per day
 * in time order so every course ticks once a day: enrolled 3 days ago, a page view 2 days
 * ago, a scored quiz yesterday and a page view earlier today (before `now`).
 */
export function historyPasses(
  learners: number,
  courses: number,
  now: number,
): { label: string; spec: (index: number) => EventSpec }[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  // Today's views fall between 00:00 and a minute before now.
  const todaySpan = Math.max(1, now - today - 60_000);
  const at = (dayStart: number, span: number, index: number): number =>
    dayStart + Math.floor((index / learners) * span);
  const pass = (label: string, action: LearningEvent['action'], start: number, span: number) => ({
    label,
    spec: (index: number): EventSpec => ({
      learnerId: learnerOf(index),
      courseId: courseOf(index, courses),
      action,
      occurredAt: at(start, span, index),
      seq: index,
    }),
  });
  return [
    pass('enrolled, 3 days ago', 'enrolled', today - 3 * DAY_MS, DAY_MS - 1),
    pass('viewed, 2 days ago', 'viewed', today - 2 * DAY_MS, DAY_MS - 1),
    pass('scored, yesterday', 'scored', today - DAY_MS, DAY_MS - 1),
    pass('viewed, today', 'viewed', today, todaySpan),
  ];
}

/** A live event of a random known learner at `occurredAt`; `draw`s are uniform in [0, 1). */
export function liveSpec(
  learners: number,
  courses: number,
  occurredAt: number,
  seq: number,
  learnerDraw: number,
  actionDraw: number,
): EventSpec {
  const index = Math.floor(learnerDraw * learners);
  return {
    learnerId: learnerOf(index),
    courseId: courseOf(index, courses),
    action: actionFor(actionDraw),
    occurredAt,
    seq,
  };
}
