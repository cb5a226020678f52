/**
 * The learning.events.v1 records of canonical events, keyed tenant:learnerId like every
 * gateway writes them; what a non-xAPI format returns from mapRecord.
 */
import { type LearningEvent, learningEventCodec } from '@learnpulse/events';
import { type ProducerRecord, TOPICS } from '@learnpulse/kafka';

export function learningEventRecords(events: readonly LearningEvent[]): ProducerRecord[] {
  return [
    {
      topic: TOPICS.learningEvents,
      messages: events.map((event) => ({
        key: `${event.tenant}:${event.learnerId}`,
        value: learningEventCodec.encode(event),
      })),
    },
  ];
}
