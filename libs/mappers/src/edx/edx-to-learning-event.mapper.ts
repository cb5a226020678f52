/**
 * Maps a parsed Open edX event to the canonical LearningEvent of learning.events.v1. Every event
 * maps (unknown names become action 'other' with `known: false`), anonymous ones flagged.
 */
import {
  deriveEventId,
  LEARNPULSE_EVENT_ID_NAMESPACE,
  type LearningEvent,
} from '@learnpulse/events';
import { actionForEdxEvent } from './edx-actions';
import { type EdxEvent } from './edx-event.types';
import { edxObject } from './edx-object';
import { edxScore } from './edx-score';
import { canonicalJson } from './json-value';
import { edxLearnerKey, type LearnerIdentifierProvider } from './learner-identifier';

export interface EdxLearningEventOptions {
  readonly tenant: string;
  /** When learnpulse accepted the event, epoch ms. */
  readonly receivedAt: number;
  readonly learnerIds: LearnerIdentifierProvider;
}

export interface EdxLearningEventResult {
  readonly event: LearningEvent;
  /** False when the event name is in no mapping rule (action 'other'): count these. */
  readonly known: boolean;
}

/**
 * A UUIDv5 of what the event itself says: name, timestamp as sent, its user (or anonymous
 * session) and its whole content in canonical JSON. Re-imports of the same line get the same
 * id; the tenant keeps equal lines of two institutions apart.
 */
export function edxEventId(tenant: string, event: EdxEvent): string {
  return deriveEventId(LEARNPULSE_EVENT_ID_NAMESPACE, [
    'edx',
    tenant,
    event.name,
    event.timestampText,
    edxLearnerKey(event),
    canonicalJson(event.raw),
  ]);
}

export function mapEdxEventToLearningEvent(
  event: EdxEvent,
  options: EdxLearningEventOptions,
): EdxLearningEventResult {
  const { action, known } = actionForEdxEvent(event.name);
  return {
    known,
    event: {
      eventId: edxEventId(options.tenant, event),
      tenant: options.tenant,
      source: 'edx',
      learnerId: options.learnerIds(event),
      learnerAnonymous: event.anonymous,
      courseId: event.courseKey,
      ...edxObject(event),
      action,
      score: edxScore(event),
      occurredAt: event.occurredAt,
      receivedAt: options.receivedAt,
      payload: event.sourceText ?? JSON.stringify(event.raw),
    },
  };
}
