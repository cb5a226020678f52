/** The topics the engine reads and writes; a test may give its own isolated copies. */
import { TOPIC_SPECS, TOPICS, type TopicSpec } from '@learnpulse/kafka';

export interface EngineTopics {
  /** LearningEvents in (learning.events.v1). */
  events: string;
  /** Learner snapshots (compacted). */
  state: string;
  /** RiskAssessments out (learner.risk.v1). */
  risk: string;
  /** Input records the engine could not process. */
  deadLetters: string;
  /** Erasure notices of `learner erase` (learnpulse.erasures.v1): learners to drop. */
  erasures: string;
}

export const ENGINE_TOPICS: EngineTopics = {
  events: TOPICS.learningEvents,
  state: TOPICS.riskEngineState,
  risk: TOPICS.learnerRisk,
  deadLetters: TOPICS.learningEventsDlq,
  erasures: TOPICS.learnerErasures,
};

function specAs(declared: string, name: string): TopicSpec {
  const spec = TOPIC_SPECS.find((s) => s.name === declared);
  if (spec === undefined) throw new Error(`${declared} is not declared in TOPIC_SPECS`);
  return { ...spec, name };
}

export function engineTopicSpecs(topics: EngineTopics): TopicSpec[] {
  return [
    specAs(TOPICS.learningEvents, topics.events),
    specAs(TOPICS.riskEngineState, topics.state),
    specAs(TOPICS.learnerRisk, topics.risk),
    specAs(TOPICS.learningEventsDlq, topics.deadLetters),
    specAs(TOPICS.learnerErasures, topics.erasures),
  ];
}
