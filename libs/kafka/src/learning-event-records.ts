/** LearningEvents as records of learning.events.v1, keyed tenant:learnerId so a learner's events stay in order. */
import { type LearningEvent, learningEventCodec } from '@learnpulse/events';
import { type ProducerRecord } from './reliable-producer';
import { TOPICS } from './topics';

export function learningEventRecords(events: readonly LearningEvent[]): ProducerRecord {
  return {
    topic: TOPICS.learningEvents,
    messages: events.map((event) => ({
      key: `${event.tenant}:${event.learnerId}`,
      value: learningEventCodec.encode(event),
    })),
  };
}
