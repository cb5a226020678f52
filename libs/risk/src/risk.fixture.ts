/** Events and states for the specs: a course whose day 0 is 2025-01-06, one learner at a time. */
import { type LearningEvent } from '@learnpulse/events';
import { applyEvent, createLearnerState } from './learner-state';
import { type LearnerCourseState } from './learner-state.types';
import { DAY_MS } from './risk-time';

export const COURSE_START = Date.UTC(2025, 0, 6);
export const COURSE = 'bio-101';
export const TENANT = 'uni-north';

/** 00:00 UTC of course day `day`, plus `hours`. */
export function courseDay(day: number, hours = 0): number {
  return COURSE_START + day * DAY_MS + hours * 3_600_000;
}

let sequence = 0;

export function riskEvent(overrides: Partial<LearningEvent> = {}): LearningEvent {
  sequence += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    tenant: TENANT,
    source: 'xapi',
    learnerId: 'learner-1',
    learnerAnonymous: false,
    courseId: COURSE,
    objectId: 'https://lms.example.edu/page/1',
    objectType: 'page',
    action: 'viewed',
    score: null,
    occurredAt: courseDay(0, 9),
    receivedAt: courseDay(0, 9),
    payload: '{}',
    ...overrides,
  };
}

/** A view on each given course day at 09:00, `clicks` clicks each (OULAD-style payload). */
export function views(learnerId: string, days: readonly number[], clicks = 1): LearningEvent[] {
  return days.map((day) =>
    riskEvent({ learnerId, occurredAt: courseDay(day, 9), payload: JSON.stringify({ clicks }) }),
  );
}

export function enrolled(learnerId: string, day: number): LearningEvent {
  return riskEvent({ learnerId, action: 'enrolled', objectId: COURSE, occurredAt: courseDay(day) });
}

export function submitted(
  learnerId: string,
  objectId: string,
  day: number,
  scaled: number | null,
): LearningEvent {
  return riskEvent({
    learnerId,
    action: 'submitted',
    objectId,
    objectType: 'tma',
    occurredAt: courseDay(day, 12),
    score: scaled === null ? null : { raw: scaled * 100, min: 0, max: 100, scaled },
  });
}

/** A state of `learnerId` with `events` applied. */
export function stateOf(learnerId: string, events: readonly LearningEvent[]): LearnerCourseState {
  const state = createLearnerState({ tenant: TENANT, learnerId, courseId: COURSE });
  for (const event of events) applyEvent(state, event);
  return state;
}
