/**
 * The per-learner, per-course state the detectors read: a plain JSON value (numbers, strings,
 * arrays, objects), so the engine can snapshot it to risk-engine.state.v1 as JSON and restore
 * it with parseLearnerState. It keeps everything an assessment at any later asOf needs, and no
 * more: activity per day, assessment attempts, enrolment changes, and recent event ids.
 */

/** Version of the state's JSON shape; parseLearnerState refuses other versions. */
export const LEARNER_STATE_VERSION = 1;

/** One attempt at an assessment: when, and the scaled score 0..1 (null when the event had none). */
export interface AssessmentAttempt {
  at: number;
  scaled: number | null;
}

/** All attempts of the learner at one assessment (object id), oldest first, at most 8. */
export interface AssessmentRecord {
  objectId: string;
  objectType: string;
  attempts: AssessmentAttempt[];
}

/** An enrolment change, as of its time. */
export interface EnrolmentChange {
  at: number;
  action: 'enrolled' | 'unenrolled';
}

export interface LearnerCourseState {
  version: typeof LEARNER_STATE_VERSION;
  tenant: string;
  learnerId: string;
  courseId: string;
  /**
   * Activity weight per UTC day index (key: the day index as a decimal string). The weight of
   * an event is its click count when the source gives one (OULAD `clicks` in the payload), else 1.
   * Days older than 400 days before the latest are dropped.
   */
  activity: Record<string, number>;
  /** Assessment attempts by object, in order of first attempt; at most 200 objects. */
  assessments: AssessmentRecord[];
  /** Enrolment changes in time order; at most 16 (oldest dropped). */
  enrolment: EnrolmentChange[];
  /** Latest occurredAt of any applied event (may lie after a replay's asOf; assess ignores it then). */
  lastEventAt: number | null;
  /** Ids of the most recent applied events (at most 64), to drop exact re-sends cheaply. */
  recentEventIds: string[];
}

/** Identity of a state: the engine's map key is learnerStateKey(...) of it. */
export interface LearnerCourseKey {
  tenant: string;
  learnerId: string;
  courseId: string;
}
