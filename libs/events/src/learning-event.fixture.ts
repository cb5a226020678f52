/** A valid LearningEvent for specs; override what a test is about. */
import { type LearningEvent } from './generated/learning-event.types';

export function sampleLearningEvent(overrides: Partial<LearningEvent> = {}): LearningEvent {
  return {
    eventId: '1f0c8a52-6a3e-4d7b-9f5e-2b1c3d4e5f60',
    tenant: 'uni-north',
    source: 'xapi',
    learnerId: 'learner-7',
    learnerAnonymous: false,
    courseId: 'bio-101',
    objectId: 'https://lms.example.edu/activities/quiz-3',
    objectType: 'http://adlnet.gov/expapi/activities/assessment',
    action: 'scored',
    score: { raw: 7.5, min: 0, max: 10, scaled: 0.75 },
    occurredAt: Date.UTC(2025, 2, 14, 9, 30, 0, 123),
    receivedAt: Date.UTC(2025, 2, 14, 9, 30, 1, 456),
    payload: '{"verb":{"id":"http://adlnet.gov/expapi/verbs/scored"}}',
    ...overrides,
  };
}
