/**
 * The state updates: three small trackers, each owning one part of the learner-course state,
 * that applyEvent runs in turn. The detectors only read these parts.
 */
import { type LearningEvent } from '@learnpulse/events';
import { type LearnerCourseState } from './learner-state.types';
import { dayIndex } from './risk-time';

/** One part of the state and how an event changes it. */
export interface StateTracker {
  name: string;
  /** Folds the event into the part of the state this tracker owns; false when it ignores it. */
  apply(state: LearnerCourseState, event: LearningEvent): boolean;
}

const MAX_ENROLMENT_CHANGES = 16;
const MAX_ASSESSMENTS = 200;
const MAX_ATTEMPTS = 8;
/** Activity days kept before the learner's latest active day. */
export const ACTIVITY_HORIZON_DAYS = 400;

const ASSESSMENT_ACTIONS = new Set(['submitted', 'scored', 'passed', 'failed']);

/** Whether an event is an attempt at an assessment (a submission, a result, or any scored event). */
export function isAssessmentEvent(event: LearningEvent): boolean {
  if (event.action === 'enrolled' || event.action === 'unenrolled') return false;
  return ASSESSMENT_ACTIONS.has(event.action) || event.score !== null;
}

/** Scaled score 0..1 of an event: scaled (−1..1, clamped at 0), else raw within min..max. */
export function scaledScore(event: LearningEvent): number | null {
  const score = event.score;
  if (score === null) return null;
  if (score.scaled !== null && Number.isFinite(score.scaled)) {
    return Math.min(1, Math.max(0, score.scaled));
  }
  if (score.raw !== null && score.max !== null && score.max > (score.min ?? 0)) {
    const min = score.min ?? 0;
    return Math.min(1, Math.max(0, (score.raw - min) / (score.max - min)));
  }
  return null;
}

/**
 * Activity weight of an event: the `clicks` count its payload carries (the OULAD import puts a
 * student's clicks on a site in a day into one event), else 1.
 */
export function activityWeight(event: LearningEvent): number {
  if (!event.payload.includes('"clicks"')) return 1;
  try {
    const parsed: unknown = JSON.parse(event.payload);
    if (typeof parsed === 'object' && parsed !== null && 'clicks' in parsed) {
      const clicks = parsed.clicks;
      if (typeof clicks === 'number' && Number.isFinite(clicks) && clicks > 0) return clicks;
    }
  } catch {
    // Not JSON: an ordinary event of weight 1.
  }
  return 1;
}

export const enrolmentTracker: StateTracker = {
  name: 'enrolment',
  apply(state, event) {
    if (event.action !== 'enrolled' && event.action !== 'unenrolled') return false;
    const changes = state.enrolment;
    changes.push({ at: event.occurredAt, action: event.action });
    changes.sort((a, b) => a.at - b.at);
    if (changes.length > MAX_ENROLMENT_CHANGES)
      changes.splice(0, changes.length - MAX_ENROLMENT_CHANGES);
    return true;
  },
};

export const assessmentTracker: StateTracker = {
  name: 'assessments',
  apply(state, event) {
    if (!isAssessmentEvent(event)) return false;
    let record = state.assessments.find((item) => item.objectId === event.objectId);
    if (record === undefined) {
      if (state.assessments.length >= MAX_ASSESSMENTS) return false;
      record = { objectId: event.objectId, objectType: event.objectType, attempts: [] };
      state.assessments.push(record);
    }
    record.attempts.push({ at: event.occurredAt, scaled: scaledScore(event) });
    record.attempts.sort((a, b) => a.at - b.at);
    if (record.attempts.length > MAX_ATTEMPTS) record.attempts.length = MAX_ATTEMPTS;
    return true;
  },
};

export const activityTracker: StateTracker = {
  name: 'activity',
  apply(state, event) {
    if (event.action === 'enrolled' || event.action === 'unenrolled') return false;
    const day = dayIndex(event.occurredAt);
    const key = String(day);
    const before = state.activity[key];
    state.activity[key] = (before ?? 0) + activityWeight(event);
    if (before === undefined) {
      // A new day: drop days beyond the horizon of the latest one (a bounded state).
      const days = Object.keys(state.activity).map(Number);
      const oldest = Math.max(...days) - ACTIVITY_HORIZON_DAYS;
      if (days.some((other) => other < oldest)) {
        state.activity = Object.fromEntries(
          Object.entries(state.activity).filter(([other]) => Number(other) >= oldest),
        );
      }
    }
    return true;
  },
};

/** Every tracker, in the order applyEvent runs them. */
export const STATE_TRACKERS: readonly StateTracker[] = [
  enrolmentTracker,
  assessmentTracker,
  activityTracker,
];
