/**
 * Creating, updating, keying and restoring learner-course states. applyEvent is the one way
 * events get into a state (live and replay alike); it changes the state in place, running the
 * state trackers (enrolment, assessments, activity) in turn.
 */
import { type LearningEvent } from '@learnpulse/events';
import {
  type LearnerCourseKey,
  type LearnerCourseState,
  LEARNER_STATE_VERSION,
} from './learner-state.types';
import { parseStateJson } from './learner-state.parse';
import { STATE_TRACKERS } from './state-trackers';

/** What applyEvent did with an event. */
export type ApplyOutcome =
  /** Folded into the state. */
  | 'applied'
  /** Its eventId is among the state's recent ids: an exact re-send, left out. */
  | 'duplicate'
  /** Not about this learner-course (other key, no course, anonymous learner, nothing tracked). */
  | 'ignored';

const RECENT_EVENT_IDS = 64;

/** The map key of a learner-course state: `tenant:learnerId:courseId`, each part URI-encoded. */
export function learnerStateKey(key: LearnerCourseKey): string {
  return [key.tenant, key.learnerId, key.courseId].map(encodeURIComponent).join(':');
}

/** A state with no facts yet. */
export function createLearnerState(key: LearnerCourseKey): LearnerCourseState {
  return {
    version: LEARNER_STATE_VERSION,
    tenant: key.tenant,
    learnerId: key.learnerId,
    courseId: key.courseId,
    activity: {},
    assessments: [],
    enrolment: [],
    lastEventAt: null,
    recentEventIds: [],
  };
}

/** The key of the state an event belongs to, or null when none (no course, anonymous learner). */
export function learnerCourseKeyOf(event: LearningEvent): LearnerCourseKey | null {
  if (event.courseId === null || event.learnerAnonymous) return null;
  return { tenant: event.tenant, learnerId: event.learnerId, courseId: event.courseId };
}

/**
 * Folds one event into its learner-course state (in place). Apart from the bounded lists
 * (recent ids, at most 8 attempts per assessment, 16 enrolment changes) the order of events
 * does not matter: the same events in any order give the same facts.
 */
export function applyEvent(state: LearnerCourseState, event: LearningEvent): ApplyOutcome {
  const key = learnerCourseKeyOf(event);
  if (
    key === null ||
    key.tenant !== state.tenant ||
    key.learnerId !== state.learnerId ||
    key.courseId !== state.courseId
  ) {
    return 'ignored';
  }
  if (state.recentEventIds.includes(event.eventId)) return 'duplicate';
  let applied = false;
  for (const tracker of STATE_TRACKERS) applied = tracker.apply(state, event) || applied;
  if (!applied) return 'ignored';
  state.recentEventIds.push(event.eventId);
  if (state.recentEventIds.length > RECENT_EVENT_IDS) state.recentEventIds.shift();
  state.lastEventAt = Math.max(state.lastEventAt ?? event.occurredAt, event.occurredAt);
  return 'applied';
}

/** JSON text of a state, for the snapshot topic. */
export function serializeLearnerState(state: LearnerCourseState): string {
  return JSON.stringify(state);
}

/**
 * A state from its JSON text (a snapshot). Throws a TypeError naming the field and the rule
 * when the text is not a state of this version.
 */
export function parseLearnerState(text: string): LearnerCourseState {
  return parseStateJson(text);
}
